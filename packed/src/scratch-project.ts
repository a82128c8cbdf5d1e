import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkspacePackage } from './publishable-packages.js';
import { outputOf } from './run-command.js';

/** npm's cache for the scratch projects: kept between runs in the temporary folder, never in the repository. */
export const NPM_CACHE = join(tmpdir(), 'vbem-packed-npm-cache');

export interface ScratchProject {
  /** A new folder outside the workspace, with the tarballs installed in its node_modules. */
  readonly dir: string;
  readonly tarballs: ReadonlyMap<string, string>;
  readonly seconds: { readonly pack: number; readonly install: number };
  remove(): Promise<void>;
}

const since = (start: number) => Math.round((performance.now() - start) / 100) / 10;

/**
 * Packs each package with `pnpm pack` (which writes the versions of `workspace:` and `catalog:`
 * dependencies in) and installs the tarballs with npm, with `extra` registry packages, into a new
 * project in the temporary folder, as a user of the published packages would.
 */
export async function installPacked(root: string, packages: readonly WorkspacePackage[], extra: readonly string[]): Promise<ScratchProject> {
  const dir = await mkdtemp(join(tmpdir(), 'vbem-packed-'));
  if (!relative(root, dir).startsWith('..')) throw new Error(`the scratch project must be outside the workspace ${root}, got ${dir}`);
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const packStart = performance.now();
    await mkdir(join(dir, 'tarballs'));
    const tarballs = new Map<string, string>();
    for (const p of packages) {
      const packed = JSON.parse(await outputOf('pnpm', ['pack', '--json', '--pack-destination', join(dir, 'tarballs')], { cwd: p.path })) as { filename: string };
      tarballs.set(p.name, packed.filename);
    }
    const pack = since(packStart);

    const installStart = performance.now();
    await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'vbem-packed-consumer', private: true, type: 'module' }, null, 2)}\n`);
    const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--cache', NPM_CACHE, ...tarballs.values(), ...extra];
    await outputOf('npm', args, { cwd: dir, timeoutMs: 600_000 });
    return { dir, tarballs, seconds: { pack, install: since(installStart) }, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
