import { writeFile } from 'node:fs/promises';
import { createProgressPrinter, formatHar, formatPretty, runConformance, UsageError, wantsColor, type RunReport } from '@vbem/conformance';
import type { CliIo } from './cli-io.js';
import { checkWritable } from './check-writable.js';
import { cliVersion } from './cli-version.js';
import { commandName } from './command-name.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS } from './connection-options.js';
import { ExitStatus } from './exit-status.js';
import { parseBaseUrl } from './parse-base-url.js';
import { parseCommandLine, wholeNumber } from './parse-command-line.js';
import { readCaFile } from './read-ca-file.js';
import { readPassword } from './read-password.js';
import { formatReport, needsExchanges, REPORTER_HELP, reportersOf, talks, type ReporterChoice } from './reporter-options.js';
import { listChecks, SELECTION_HELP, SELECTION_OPTIONS, selectionOf } from './selection-options.js';

export const CONFORMANCE_HELP = `Usage: vbem conformance [options]

Checks an Enterprise Manager against the spec: headers, status codes, XML and JSON shape, links, auth.
Without --base-url it serves the built-in fake Enterprise Manager on a loopback port and checks
it and @vbem/client.

${CONNECTION_HELP}
  --sample K            items of each collection fetched in every format, links followed (default: 5)
  --representation R    xml, json or both: every read asked in XML, in JSON (Accept: application/json),
                        or in both one after the other, their values compared; the client target
                        runs once by a client of each (default: both)
  --same-origin URL     another origin that is the same server (repeatable): its links are followed,
                        sent to --base-url's origin with the session (default: none; such links are skipped)
  --probe-bad-password  also log on once with a wrong password (it may count towards locking the
                        account; default: off against --base-url, always against the built-in fake)
  --lab-actions ORIGIN  a LAB server only: run each documented action (start a job, a plan…) on one
                        entity and judge its Task; ORIGIN must repeat --base-url's origin
                        (default: off; no action is ever sent to --base-url without it)
  --task-deadline MS    with --lab-actions: how long each Task is polled (default: 300000)
  --max-transport-failures N
                        requests in a row with no complete response (no answer within --timeout, a
                        body cut short) before the run stops, logs off and fails (default: 3)
  --max-body-bytes N    bytes of a single entity's or document's body read at most; a longer body
                        is reported not judged (skipped), never failed (default: 16777216, 16 MiB)
  --max-list-body-bytes N
                        the same for the body of a list (a collection) (default: 268435456, 256 MiB)
  --xsd FILE            also validate every body against this RestAPI.xsd, as warnings (default: off)
${SELECTION_HELP}
  --har FILE            also write every exchange of the run to FILE as an HTTP Archive 1.2,
                        redacted, each entry's check verdicts in its _vbem field (default: none)
${REPORTER_HELP}
  -h, --help            this text

Exit status: 0 all checks passed, 1 a check failed, 2 it could not run.`;

/** The representations each `--representation` asks every read in. */
const representationChoices = { both: ['xml', 'json'], xml: ['xml'], json: ['json'] } as const;

/** What to do after a run against the built-in fake. */
const nextStep = (command: string) => `Next, point it at an Enterprise Manager (GETs only, besides its own logon and logoff):
  VBEM_PASSWORD=… ${command} conformance --base-url https://em.example:9398/api --username 'DOMAIN\\user' --ca em-ca.pem`;

const options = {
  ...CONNECTION_OPTIONS,
  sample: { type: 'string' },
  representation: { type: 'string', default: 'both' },
  'same-origin': { type: 'string', multiple: true },
  'probe-bad-password': { type: 'boolean', default: false },
  'lab-actions': { type: 'string' },
  'task-deadline': { type: 'string' },
  'max-transport-failures': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'max-list-body-bytes': { type: 'string' },
  xsd: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  output: { type: 'string' },
  ...SELECTION_OPTIONS,
  har: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * `vbem conformance`: parses the options, runs the suite with the reporter asked, and returns the
 * exit status (errors that stop the run propagate, for the caller to report as status 2).
 * @example process.exitCode = await conformanceCommand(['--reporter', 'json'], io)
 */
export async function conformanceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandLine(args, options);
  if (values.help) {
    io.stdout.write(`${CONFORMANCE_HELP}\n`);
    return ExitStatus.ok;
  }
  if (values['list-checks']) {
    io.stdout.write(`${listChecks()}\n`);
    return ExitStatus.ok;
  }
  const reporters = await reportersOf(values.reporter, values.output);
  const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']);
  if (baseUrl === undefined && values.username !== undefined) throw new UsageError('--username', 'a --base-url to log on to', 'none');
  if (baseUrl !== undefined && values.username === undefined) throw new UsageError('--username', `the user to log on to ${baseUrl} as`, 'none');
  const password = baseUrl === undefined ? undefined : readPassword(io.env, values['password-env']);
  const sample = wholeNumber('--sample', values.sample, 0);
  const representations = Object.hasOwn(representationChoices, values.representation) ? representationChoices[values.representation as keyof typeof representationChoices] : undefined;
  if (!representations) throw new UsageError('--representation', 'xml, json or both', `'${values.representation}'`);
  const sameOrigins = values['same-origin'] ?? [];
  for (const o of sameOrigins) if (!URL.canParse(o)) throw new UsageError('--same-origin', 'an absolute URL such as https://em2.example:9398', `'${o}'`);
  if (sameOrigins.length > 0 && baseUrl === undefined) throw new UsageError('--same-origin', 'a --base-url it is the same server as', 'none');
  if (values.har !== undefined) await checkWritable('--har', values.har);
  const ca = await readCaFile(values.ca);
  const timeoutMs = wholeNumber('--timeout', values.timeout, 1);
  const taskDeadlineMs = wholeNumber('--task-deadline', values['task-deadline'], 1);
  if (values['lab-actions'] === undefined && taskDeadlineMs !== undefined) throw new UsageError('--task-deadline', '--lab-actions, whose tasks it bounds', 'none');
  if (values['lab-actions'] !== undefined && baseUrl === undefined) throw new UsageError('--lab-actions', 'a --base-url (the built-in fake runs every action without it)', 'none');
  const labOrigin = values['lab-actions'] === undefined || !URL.canParse(values['lab-actions']) ? values['lab-actions'] : new URL(values['lab-actions']).origin;
  if (baseUrl !== undefined && labOrigin !== undefined && labOrigin !== new URL(baseUrl).origin) throw new UsageError('--lab-actions', `--base-url's origin repeated (${new URL(baseUrl).origin}), to confirm state may change there`, `'${values['lab-actions']}'`);
  const labActions = values['lab-actions'] === undefined ? undefined : { origin: values['lab-actions'], ...(taskDeadlineMs !== undefined ? { taskDeadlineMs } : {}) };
  const maxTransportFailures = wholeNumber('--max-transport-failures', values['max-transport-failures'], 1);
  const maxBodyBytes = wholeNumber('--max-body-bytes', values['max-body-bytes'], 1);
  const maxListBodyBytes = wholeNumber('--max-list-body-bytes', values['max-list-body-bytes'], 1);

  // Progress and notes go to standard output when a person reads it: a pretty report, no machine-read one there.
  const talk = talks(reporters) && reporters.some((r) => r.name === 'pretty');
  const color = talk && wantsColor(io.stdout.isTTY, io.env);
  const progress = talk ? createProgressPrinter({ write: (line) => io.stdout.write(`${line}\n`), color }) : undefined;
  const report = await runConformance({
    ...(baseUrl !== undefined ? { baseUrl, username: values.username, password } : {}),
    ...(sample !== undefined ? { sample } : {}),
    representations,
    ...(values.har !== undefined || needsExchanges(reporters) ? { keepExchanges: true } : {}),
    ...(sameOrigins.length > 0 ? { sameOrigins } : {}),
    ...(values['probe-bad-password'] ? { probeBadPassword: true } : {}),
    ...(labActions ? { labActions } : {}),
    ...(ca !== undefined ? { ca } : {}),
    ...(values.xsd !== undefined ? { xsdFile: values.xsd } : {}),
    insecure: values.insecure,
    ...(values.servername !== undefined ? { servername: values.servername } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxTransportFailures !== undefined ? { maxTransportFailures } : {}),
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    ...(maxListBodyBytes !== undefined ? { maxListBodyBytes } : {}),
    ...selectionOf(values),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  const how = { talks: talks(reporters), stdoutFree: reporters.every((r) => r.file !== undefined), color };
  for (const reporter of reporters) await write(report, reporter, how, io);
  if (values.har !== undefined) {
    await writeFile(values.har, formatHar(report, { creator: { name: 'vbem', version: cliVersion() } }));
    if (talk) io.stdout.write(`HAR of ${Object.values(report.requests).reduce((a, b) => a + (b ?? 0), 0)} requests written to ${values.har}\n`);
  }
  if (talk && baseUrl === undefined) io.stdout.write(`${nextStep(commandName(io.env))}\n`);
  return report.summary.failed > 0 ? ExitStatus.failed : ExitStatus.ok;
}

/**
 * Writes one reporter's report: to standard output, or to its file with a line saying where (unless
 * a machine-read report takes standard output); a pretty one to standard output too when no report goes there.
 */
async function write(report: RunReport, { name, file }: ReporterChoice, how: { talks: boolean; stdoutFree: boolean; color: boolean }, io: CliIo): Promise<void> {
  if (file === undefined) {
    io.stdout.write(formatReport(report, name, how.color));
    return;
  }
  await writeFile(file, formatReport(report, name));
  if (!how.talks) return;
  if (name === 'pretty' && how.stdoutFree) io.stdout.write(formatPretty(report, { color: how.color }));
  const { passed, failed } = report.summary;
  io.stdout.write(`vbem conformance: ${failed > 0 ? `${failed} of ${passed + failed} checks failed` : `all ${passed} checks passed`}; ${name} report written to ${file}\n`);
}
