import { createMockState, defaultCredentials, serveMock } from '@vbem/mock';
import type { CliIo } from './cli-io.js';
import { ExitStatus } from './exit-status.js';
import { wholeNumber } from './parse-command-line.js';
import { parseSubcommand } from './parse-subcommand.js';

/** The variable the fake's password is read from (the mock's own bin reads the same). */
const MOCK_PASSWORD_ENV = 'VBEM_MOCK_PASSWORD';

export const MOCK_HELP = `Usage: vbem mock serve [options]

Serves the built-in fake Enterprise Manager over HTTP until Ctrl-C (SIGINT) or SIGTERM.

  --port N        TCP port, 0 for a free one (default: 9399)
  --host ADDR     interface to listen on (default: 127.0.0.1, loopback only)
  --entities N    entities generated per collection beside the documented ones (default: 8)
  --seed N        seed of the generated entities (default: 1)
  --help          this text

It accepts the user ${defaultCredentials.user}, with the password in $${MOCK_PASSWORD_ENV} (default: @vbem/mock's, see its README).`;

const options = {
  port: { type: 'string', default: '9399' },
  host: { type: 'string', default: '127.0.0.1' },
  entities: { type: 'string' },
  seed: { type: 'string' },
} as const;

/**
 * `vbem mock serve`: the fake Enterprise Manager over HTTP until the signal aborts.
 * @example process.exitCode = await mockCommand(['serve', '--port', '0'], { ...io, signal })
 */
export async function mockCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseSubcommand(args, { command: 'vbem mock', sub: 'serve', help: MOCK_HELP, options }, io);
  if (typeof values === 'number') return values;
  const password = io.env[MOCK_PASSWORD_ENV] || defaultCredentials.password;
  const entities = wholeNumber('--entities', values.entities, 0);
  const seed = wholeNumber('--seed', values.seed, 0);
  const state = createMockState({
    ...(entities !== undefined ? { entities } : {}),
    ...(seed !== undefined ? { seed } : {}),
    users: { [defaultCredentials.user]: password },
  });
  const mock = await serveMock({ port: wholeNumber('--port', values.port, 0)!, host: values.host, state });
  io.stdout.write(
    `vbem mock: a fake Enterprise Manager at ${mock.url}/api/ (user ${defaultCredentials.user}, ${[...state.collections.values()].reduce((n, c) => n + c.size, 0)} entities); Ctrl-C stops it\n` +
      `  try, in another shell: VBEM_PASSWORD=<its password> pnpm vbem conformance --base-url ${mock.url} --username ${defaultCredentials.user}\n`,
  );
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await mock.close();
  io.stdout.write('vbem mock: stopped\n');
  return ExitStatus.ok;
}
