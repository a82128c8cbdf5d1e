import { formatHtml, formatJson, formatJunit, formatPretty, UsageError, type RunReport } from '@vbem/conformance';
import { checkWritable } from './check-writable.js';

export const REPORTER_NAMES = ['pretty', 'json', 'junit', 'html'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** One `--reporter NAME[=FILE]`: where it writes, a file or (no file) standard output. */
export interface ReporterChoice {
  readonly name: ReporterName;
  readonly file?: string;
}

export const REPORTER_HELP = `  --reporter NAME[=FILE]
                        pretty, json, junit or html (one self-contained page to open in a browser),
                        written to FILE or, without one, to --output or standard output; repeatable,
                        at most one without FILE: --reporter pretty --reporter html=report.html
                        (default: pretty)
  --output FILE         write the --reporter without =FILE to FILE (default: standard output)`;

/**
 * The reporters of a run from its `--reporter` values and `--output`, each file checked writable
 * before the run. At most one reporter writes without its own file: to `--output`, or standard output.
 * @example await reportersOf(['pretty', 'html=report.html'], undefined) // [{ name: 'pretty' }, { name: 'html', file: 'report.html' }]
 */
export async function reportersOf(values: readonly string[] | undefined, output: string | undefined): Promise<ReporterChoice[]> {
  const choices = (values ?? ['pretty']).map((value): ReporterChoice => {
    const [, name, file] = /^([^=]*)(?:=(.*))?$/.exec(value)!;
    if (!REPORTER_NAMES.includes(name as ReporterName)) throw new UsageError('--reporter', `${REPORTER_NAMES.join(', ')} (NAME or NAME=FILE)`, `'${value}'`);
    if (file === '') throw new UsageError('--reporter', `a file after ${name}=`, 'none');
    return { name: name as ReporterName, ...(file !== undefined ? { file } : {}) };
  });
  const unnamed = choices.filter((c) => c.file === undefined);
  if (unnamed.length > 1) throw new UsageError('--reporter', 'at most one reporter without =FILE (it writes to --output or standard output)', unnamed.map((c) => `'${c.name}'`).join(' and '));
  if (output !== undefined && unnamed.length === 0) throw new UsageError('--output', 'a --reporter without =FILE to write there', `every reporter with its own file`);
  const withOutput = choices.map((c) => (c.file === undefined && output !== undefined ? { ...c, file: output } : c));
  const files = withOutput.flatMap((c) => (c.file !== undefined ? [c.file] : []));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw new UsageError('--reporter', 'a different file for each reporter', `${twice} twice`);
  for (const c of withOutput) if (c.file !== undefined) await checkWritable(c.file === output ? '--output' : '--reporter', c.file);
  return withOutput;
}

/** Whether the run may print to standard output besides the reports: not when a machine-read report goes there. */
export const talks = (reporters: readonly ReporterChoice[]): boolean => reporters.every((c) => c.file !== undefined || c.name === 'pretty');

/** Whether the run keeps every exchange for one of its reporters (the html page shows the exchange of each failure). */
export const needsExchanges = (reporters: readonly ReporterChoice[]): boolean => reporters.some((c) => c.name === 'html');

/** A report as one reporter writes it. */
export function formatReport(report: RunReport, name: ReporterName, color = false): string {
  if (name === 'json') return formatJson(report);
  if (name === 'junit') return formatJunit(report);
  if (name === 'html') return formatHtml(report);
  return formatPretty(report, { color });
}
