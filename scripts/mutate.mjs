// `pnpm mutate [package…] [stryker options…]`: StrykerJS on the modules listed in each package's
// stryker.config.mjs, one package after the other (each on its own vitest suite), after building what
// it imports. Options go to `stryker run` as they are, e.g. `pnpm mutate models --mutate src/codec/scalars.ts`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dirs = ['packages/models', 'packages/client', 'packages/mock', 'packages/cli', 'conformance'].filter((dir) =>
  existsSync(join(root, dir, 'stryker.config.mjs')),
);
const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const asked = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);
const unknown = asked.filter((name) => !dirs.some((dir) => basename(dir) === name));
if (unknown.length > 0) {
  console.error(`pnpm mutate: expected package names among ${dirs.map((dir) => basename(dir)).join(', ')}; got ${unknown.join(', ')}`);
  process.exit(2);
}
const chosen = asked.length === 0 ? dirs : dirs.filter((dir) => asked.includes(basename(dir)));

/** Runs a command, stopping everything when it fails. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stryker = join(root, 'node_modules/.bin/stryker');
const timings = [];
for (const dir of chosen) {
  const { name } = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  run('pnpm', ['turbo', 'run', 'build', `--filter=${name}^...`, '--output-logs=errors-only'], root);
  const started = Date.now();
  run(stryker, ['run', ...options], join(root, dir));
  timings.push(`${basename(dir)}: ${Math.round((Date.now() - started) / 1000)} s, report in reports/mutation/${basename(dir)}/index.html`);
}
console.log(timings.join('\n'));
