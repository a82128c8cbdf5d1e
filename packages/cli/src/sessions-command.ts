import { createClient } from '@vbem/client';
import { UsageError } from '@vbem/conformance';
import { defaultCredentials, serveMock } from '@vbem/mock';
import type { CliIo } from './cli-io.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS } from './connection-options.js';
import { ExitStatus } from './exit-status.js';
import { formatSessions } from './format-sessions.js';
import { parseBaseUrl } from './parse-base-url.js';
import { wholeNumber } from './parse-command-line.js';
import { parseSubcommand } from './parse-subcommand.js';
import { readCaFile } from './read-ca-file.js';
import { readPassword } from './read-password.js';

export const SESSIONS_HELP = `Usage: vbem sessions list [options]

Lists the cloud failover sessions of an Enterprise Manager (of the built-in fake without --base-url).

${CONNECTION_HELP}
  -h, --help            this text`;

/**
 * `vbem sessions list`: logs on, prints the sessions as a table, logs off.
 * @example process.exitCode = await sessionsCommand(['list', '--base-url', url, '--username', 'svc'], io)
 */
export async function sessionsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseSubcommand(args, { command: 'vbem sessions', sub: 'list', help: SESSIONS_HELP, options: CONNECTION_OPTIONS }, io);
  if (typeof values === 'number') return values;
  const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']);
  if (baseUrl !== undefined && values.username === undefined) throw new UsageError('--username', `the user to log on to ${baseUrl} as`, 'none');
  const ca = await readCaFile(values.ca);
  const timeoutMs = wholeNumber('--timeout', values.timeout, 1);
  const password = baseUrl === undefined ? defaultCredentials.password : readPassword(io.env, values['password-env']);
  const fake = baseUrl === undefined ? await serveMock() : undefined;
  try {
    await using client = createClient({
      baseUrl: baseUrl ?? fake!.url,
      username: fake ? defaultCredentials.user : values.username!,
      password,
      rejectUnauthorized: !values.insecure,
      ...(ca !== undefined ? { ca } : {}),
      ...(values.servername !== undefined ? { servername: values.servername } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    const sessions = await client.cloudFailoverSessions.listEntities(io.signal ? { signal: io.signal } : {});
    io.stdout.write(formatSessions(sessions.CloudFailoverSession));
    return ExitStatus.ok;
  } finally {
    await fake?.close();
  }
}
