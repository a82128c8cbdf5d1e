import { readFile } from 'node:fs/promises';
import { createMockState, defaultCredentials, jsonStyles, readRecording, serveMock, TIMESTAMPS, type JsonStyleVersion, type Recording } from '@vbem/mock';
import { UsageError } from '@vbem/conformance';
import type { CliIo } from './cli-io.js';
import { commandName } from './command-name.js';
import { ExitStatus } from './exit-status.js';
import { wholeNumber } from './parse-command-line.js';
import { parseSubcommand } from './parse-subcommand.js';

/** The variable the fake's password is read from unless --password-env names another (the mock's own bin reads the same). */
const MOCK_PASSWORD_ENV = 'VBEM_MOCK_PASSWORD';

export const MOCK_HELP = `Usage: vbem mock serve [options]

Serves the built-in fake Enterprise Manager over HTTP until Ctrl-C (SIGINT) or SIGTERM.

  --port N            TCP port from 0 to 65535, 0 for a free one (default: 9399)
  --host ADDR         interface to listen on (default: 127.0.0.1, loopback only)
  --entities N        entities generated per collection beside the documented ones (default: 8)
  --seed N|FILE.har   a whole number: the seed of the generated entities (default: 1); a file: an
                      HTTP Archive (vbem conformance --har) whose recorded GET bodies the fake serves
                      (each collection it names holds what was recorded; the rest is generated)
  --timestamps FORM   how generated date-times are written: ${TIMESTAMPS.join(' or ')}, six digits
                      of the second as EM 13 writes them (2026-06-16T06:33:10.659559Z) (default: ${TIMESTAMPS[0]})
  --user NAME         the user that may log on (default: ${defaultCredentials.user})
  --json-style V      the JSON (asked for with Accept: application/json) of Enterprise Manager V:
                      9.5 (PascalCase, nulls left out), 12 (PascalCase, nulls written), 13 (camelCase) (default: 12)
  --password-env VAR  the environment variable holding that user's password (default: ${MOCK_PASSWORD_ENV};
                      when it is unset, @vbem/mock's built-in password '${defaultCredentials.password}')
  -h, --help          this text`;

const options = {
  port: { type: 'string', default: '9399' },
  host: { type: 'string', default: '127.0.0.1' },
  entities: { type: 'string' },
  seed: { type: 'string' },
  timestamps: { type: 'string', default: TIMESTAMPS[0] },
  user: { type: 'string', default: defaultCredentials.user },
  'password-env': { type: 'string' },
  'json-style': { type: 'string', default: '12' },
} as const;

/**
 * `vbem mock serve`: the fake Enterprise Manager over HTTP until the signal aborts. It prints how to
 * log on: the user, and where the password comes from (the password itself only when it is the built-in one).
 * @example process.exitCode = await mockCommand(['serve', '--port', '0'], { ...io, signal })
 */
export async function mockCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseSubcommand(args, { command: 'vbem mock', sub: 'serve', help: MOCK_HELP, options }, io);
  if (typeof values === 'number') return values;
  const variable = values['password-env'] ?? MOCK_PASSWORD_ENV;
  const fromEnv = io.env[variable] || undefined;
  if (fromEnv === undefined && values['password-env'] !== undefined) throw new UsageError(`$${variable}`, 'the password of the fake in the environment', 'none');
  const entities = wholeNumber('--entities', values.entities, 0);
  // A whole number seeds the generator; anything else names a recording to load.
  const seed = values.seed === undefined || !/^\d+$/.test(values.seed) ? undefined : wholeNumber('--seed', values.seed, 0);
  const recording = values.seed !== undefined && seed === undefined ? await recordingIn(values.seed, io) : undefined;
  const port = wholeNumber('--port', values.port, 0, 65_535)!;
  const user = values.user;
  const style = values['json-style'];
  if (!Object.hasOwn(jsonStyles, style)) throw new UsageError('--json-style', `one of ${Object.keys(jsonStyles).sort((a, b) => Number(a) - Number(b)).join(', ')}`, style);
  const timestamps = TIMESTAMPS.find((t) => t === values.timestamps);
  if (timestamps === undefined) throw new UsageError('--timestamps', TIMESTAMPS.join(' or '), `'${values.timestamps}'`);
  const state = createMockState({
    ...(entities !== undefined ? { entities } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(recording ? { recording } : {}),
    users: { [user]: fromEnv ?? defaultCredentials.password },
    timestamps,
  });
  const mock = await serveMock({ port, host: values.host, state, json: jsonStyles[style as JsonStyleVersion] });
  const password = fromEnv === undefined ? `the built-in password '${defaultCredentials.password}'` : `the password in $${variable}`;
  const passwordValue = fromEnv === undefined ? defaultCredentials.password : `"$${variable}"`;
  io.stdout.write(
    `vbem mock: a fake Enterprise Manager at ${mock.url}/api/ (${[...state.collections.values()].reduce((n, c) => n + c.size, 0)} entities; JSON as EM ${style} writes it); Ctrl-C stops it\n` +
      `  log on as ${user} with ${password}; try, in another shell:\n` +
      `  VBEM_PASSWORD=${passwordValue} ${commandName(io.env)} conformance --base-url ${mock.url}/api --username ${user}\n`,
  );
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) return resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await mock.close();
  io.stdout.write('vbem mock: stopped\n');
  return ExitStatus.ok;
}

/** The recording in a HAR file, each body it could not load named on stderr. */
async function recordingIn(file: string, io: CliIo): Promise<Recording> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError('--seed', 'a whole number or an HTTP Archive file to load', `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const recording = readRecording(text);
  io.stdout.write(`vbem mock: ${recording.bodies.length} recorded bodies loaded from ${file}${recording.skipped.length > 0 ? `, ${recording.skipped.length} skipped` : ''}\n`);
  for (const s of recording.skipped) io.stderr.write(`vbem mock: skipped ${s.url}: ${s.reason}\n`);
  return recording;
}
