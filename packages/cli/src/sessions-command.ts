import { createClient } from '@vbem/client';
import { UsageError } from '@vbem/conformance';
import { defaultCredentials, serveMock } from '@vbem/mock';
import type { CliIo } from './cli-io.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS } from './connection-options.js';
import { ExitStatus } from './exit-status.js';
import { formatSessions } from './format-sessions.js';
import { parseSubcommand } from './parse-subcommand.js';
import { readCaFile } from './read-ca-file.js';
import { readPassword } from './read-password.js';

export const SESSIONS_HELP = `Usage: vbem sessions list [options]

Lists the cloud failover sessions of an Enterprise Manager (of the built-in fake without --base-url).

${CONNECTION_HELP}
  --help                this text`;

/**
 * `vbem sessions list`: logs on, prints the sessions as a table, logs off.
 * @example process.exitCode = await sessionsCommand(['list', '--base-url', url, '--username', 'svc'], io)
 */
export async function sessionsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseSubcommand(args, { command: 'vbem sessions', sub: 'list', help: SESSIONS_HELP, options: CONNECTION_OPTIONS }, io);
  if (typeof values === 'number') return values;
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && values.username === undefined) throw new UsageError('--username', `the user to log on to ${baseUrl} as`, 'none');
  const fake = baseUrl === undefined ? await serveMock() : undefined;
  try {
    const ca = await readCaFile(values.ca);
    const credentials = fake
      ? { username: defaultCredentials.user, password: defaultCredentials.password }
      : { username: values.username!, password: readPassword(io.env, values['password-env']) };
    await using client = createClient({ baseUrl: baseUrl ?? fake!.url, ...credentials, rejectUnauthorized: !values.insecure, ...(ca !== undefined ? { ca } : {}) });
    const sessions = await client.cloudFailoverSessions.listEntities(io.signal ? { signal: io.signal } : {});
    io.stdout.write(formatSessions(sessions.CloudFailoverSession));
    return ExitStatus.ok;
  } finally {
    await fake?.close();
  }
}
