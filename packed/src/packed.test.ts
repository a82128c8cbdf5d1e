import { randomBytes } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surfaceSource, wrongMethodSource, type ClientMethod } from './consumer-sources.js';
import { binOf, startPackedMock } from './packed-mock.js';
import { publishablePackages, type WorkspacePackage } from './publishable-packages.js';
import { runCommand } from './run-command.js';
import { installPacked, NPM_CACHE, type ScratchProject } from './scratch-project.js';
import { typeCheck, type CompileError } from './type-check.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONSUMER = fileURLToPath(new URL('../consumer/', import.meta.url));
/** Packing and a cold npm install (third-party dependencies from the registry) on a busy 2-core machine. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;
/** A type check of the consumer with every installed package's declarations. */
const COMPILE_TIMEOUT_MS = 5 * 60_000;

const manifestOf = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
const typesNode = createRequire(import.meta.url).resolve('@types/node/package.json');

let packages: WorkspacePackage[] = [];
let project: ScratchProject;

/** Copies a file of consumer/ into the project and runs it with node there. */
async function runConsumer(file: string, args: readonly string[] = [], env: Record<string, string> = {}) {
  await copyFile(join(CONSUMER, file), join(project.dir, file));
  return runCommand(process.execPath, [file, ...args], { cwd: project.dir, env, timeoutMs: COMPILE_TIMEOUT_MS });
}

/** The JSON a consumer script prints, when it exits 0. */
async function outputOfConsumer<T>(file: string, args: readonly string[] = []): Promise<T> {
  const result = await runConsumer(file, args);
  if (result.code !== 0) throw new Error(`${file} exited ${result.code ?? result.signal}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

type ModuleNames = Record<string, { imported?: string[]; required?: string[]; importError?: string; requireError?: string; same: boolean }>;
let moduleNames: Promise<ModuleNames> | undefined;
/** What import() and require() give for each package, once for the tests that read it. */
const namesOfModules = () => (moduleNames ??= outputOfConsumer<ModuleNames>('module-names.cjs', packages.map((p) => p.name)));

let compiled: Promise<{ errors: CompileError[]; wrongName: string }> | undefined;
/** The strict type check of the two consumers, once for the tests that read it. */
const compileConsumers = () =>
  (compiled ??= (async () => {
    const names = await namesOfModules();
    const failed = packages.filter((p) => names[p.name]?.imported === undefined);
    if (failed.length > 0) throw new Error(`no consumer to compile: ${failed.map((p) => `import('${p.name}') failed: ${names[p.name]?.importError}`).join('; ')}`);
    const methods = await outputOfConsumer<(ClientMethod & { present: boolean })[]>('client-methods.mjs');
    const absent = methods.filter((m) => !m.present);
    if (methods.length === 0 || absent.length > 0) throw new Error(`the client built at run time lacks methods of its model: ${JSON.stringify(absent)}`);
    const wrong = wrongMethodSource(methods[0]!);
    await writeFile(join(project.dir, 'surface.ts'), surfaceSource(new Map(packages.map((p) => [p.name, names[p.name]!.imported!])), methods));
    await writeFile(join(project.dir, 'wrong-method.ts'), wrong.source);
    return { errors: typeCheck(project.dir, ['surface.ts', 'wrong-method.ts']), wrongName: wrong.wrongName };
  })());

beforeAll(async () => {
  packages = await publishablePackages(ROOT);
  const { version } = (await manifestOf(typesNode)) as unknown as { version: string };
  project = await installPacked(ROOT, packages, [`@types/node@${version}`]);
  console.log(`packed ${packages.length} packages in ${project.seconds.pack} s; npm install in ${project.seconds.install} s (cache ${NPM_CACHE})`);
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await project?.remove();
});

describe('the packages as a user gets them, packed and installed with npm outside the workspace', () => {
  it('packs every workspace package not marked private, each a dependency of this one so that turbo builds it first', async () => {
    const names = packages.map((p) => p.name).sort();
    expect(names.length).toBeGreaterThan(0);
    const own = await manifestOf(new URL('../package.json', import.meta.url).pathname);
    const workspaceDependencies = Object.entries(own.devDependencies ?? {}).filter(([, range]) => range.startsWith('workspace:'));
    expect(workspaceDependencies.map(([name]) => name).sort(), 'packed/package.json devDependencies').toEqual(names);
    expect([...project.tarballs.keys()].sort()).toEqual(names);
  });

  // Each exports map sends `import` and `default` to the ES module and engines asks for Node 20.19,
  // where require() of an ES module works without a flag: so require() is promised, and tested.
  it('gives every package to ESM import and to require() alike: the same module, the same names', async () => {
    const names = await namesOfModules();
    for (const { name } of packages) {
      const got = names[name]!;
      expect(got.importError, `import('${name}')`).toBeUndefined();
      expect(got.requireError, `require('${name}')`).toBeUndefined();
      expect(got.imported!.length, `names of ${name}`).toBeGreaterThan(0);
      expect(got.required, `require('${name}')`).toEqual(got.imported);
      expect(got.same, `require('${name}') === await import('${name}')`).toBe(true);
    }
  });

  it(
    'compiles a strict NodeNext consumer that imports every name each package gives at run time and reads every client method by name',
    async () => {
      const { errors } = await compileConsumers();
      expect(errors.filter((e) => e.file !== 'wrong-method.ts')).toEqual([]);
    },
    COMPILE_TIMEOUT_MS,
  );

  it(
    'refuses to compile a misspelt client method, naming it',
    async () => {
      const { errors, wrongName } = await compileConsumers();
      const wrong = errors.filter((e) => e.file === 'wrong-method.ts');
      expect(wrong).toHaveLength(1);
      expect([2339, 2551]).toContain(wrong[0]!.code);
      expect(wrong[0]!.message).toContain(`Property '${wrongName}' does not exist on type`);
    },
    COMPILE_TIMEOUT_MS,
  );

  it('installs each command a package declares, and each prints its usage for --help', async () => {
    let commands = 0;
    for (const { name } of packages) {
      const bin = (await manifestOf(join(project.dir, 'node_modules', name, 'package.json'))).bin;
      if (!bin) continue;
      const command = binOf(project.dir, name);
      const result = await runCommand(command, ['--help'], { cwd: project.dir });
      expect(result.code, `${command} --help: ${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${Object.keys(bin)[0]} `));
      commands += 1;
    }
    expect(commands).toBeGreaterThan(0);
  });

  it('runs the packed client against the packed fake over HTTP: logon, every collection listed and an item of each read, every action waited to its end, logoff', async () => {
    const password = randomBytes(12).toString('base64url');
    const mock = await startPackedMock(project.dir, 'packed-user', password);
    let run;
    try {
      run = await runConsumer('drive-client.mjs', [mock.url, mock.user], { VBEM_PASSWORD: password });
    } finally {
      expect(await mock.stop(), 'the fake stops cleanly on SIGTERM').toBe(0);
    }
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(password);
    const summary = JSON.parse(run.stdout) as { lists: { items: number }[]; gets: unknown[]; actions: { state: string }[]; beforeLogoff: string; afterLogoff: string };
    expect(summary.lists.length).toBeGreaterThan(0);
    for (const list of summary.lists) expect(list.items).toBeGreaterThan(0);
    expect(summary.gets).toHaveLength(summary.lists.length);
    expect(summary.actions.length).toBeGreaterThan(0);
    for (const action of summary.actions) expect(action.state).not.toBe('Running');
    expect(summary.beforeLogoff, 'a call with the session before logoff').toBe('answered');
    expect(summary.afterLogoff, 'a call with the session after logoff').toBe('refused');
  });
});
