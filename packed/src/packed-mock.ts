import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userEnv } from './run-command.js';

export interface PackedMock {
  /** The origin it serves, the API under `/api/`. */
  readonly url: string;
  readonly user: string;
  /** Stops it with SIGTERM and gives its exit code. */
  stop(): Promise<number | null>;
}

/** The command a package installs in `node_modules/.bin`, by the `bin` of its installed manifest (its only one). */
export function binOf(dir: string, pkg: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  const names = Object.keys(manifest.bin ?? {});
  if (names.length !== 1) throw new Error(`${pkg}: expected one command in its bin, got ${names.length}`);
  return join(dir, 'node_modules', '.bin', names[0]!);
}

/** Starts the installed fake's command on a free loopback port, its password from the environment, and waits for the line naming its URL. */
export async function startPackedMock(dir: string, user: string, password: string): Promise<PackedMock> {
  const child = spawn(binOf(dir, '@vbem/mock'), ['--port', '0', '--entities', '2', '--user', user], { cwd: dir, env: userEnv({ VBEM_MOCK_PASSWORD: password }) });
  const exited = once(child, 'exit');
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /at (http:\/\/\S+?)\/api\//.exec(output);
      if (found) resolve(found[1]!);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the fake exited (${code}) before naming its URL: ${output}`)));
  });
  return {
    url,
    user,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
