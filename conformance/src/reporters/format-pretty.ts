import type { CheckStatus } from '../check-result.js';
import { apiLine, coverageLine, labActionsLine, requestText, type Coverage, type ReportedResult, type RunReport, type TargetName } from '../runner/run-report.js';
import { formatTable } from './format-table.js';
import { groupBy } from './group-by.js';
import { paint, type Paint } from './paint.js';

export interface PrettyOptions {
  /** Use ANSI colours. (default: false) */
  readonly color?: boolean;
  /** The most failures listed in full. (default: 20) */
  readonly maxFailures?: number;
}

const targetTitles: Record<TargetName, string> = {
  server: 'Server checks by operation',
  client: 'Client checks by operation',
};

/** A check's column: its group (`body` for body.root), or its name after `client.` for the client's. */
const columnOf = (check: string) => (check.startsWith('client.') ? check.slice('client.'.length) : check.split('.')[0]!);

function cell(results: readonly ReportedResult[], p: Paint): string {
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  const [passed, failed, warnings] = [count('passed'), count('failed'), count('warning')];
  if (failed > 0) return p.red(`✗${failed}/${passed + failed + warnings}`);
  if (warnings > 0) return p.yellow(`!${warnings}/${passed + warnings}`);
  if (passed > 0) return p.green(`✓${passed}`);
  return results.length > 0 ? p.dim('skip') : p.dim('·');
}

/** The table of one target: a row per operation, a column per check group, each cell the verdicts there. */
function matrix(results: readonly ReportedResult[], p: Paint): string {
  const columns = [...new Set(results.map((r) => columnOf(r.check)))];
  const rows = [...groupBy(results, (r) => r.operation)].map(([operation, rs]) => {
    const byColumn = groupBy(rs, (r) => columnOf(r.check));
    return [operation, ...columns.map((c) => cell(byColumn.get(c) ?? [], p))];
  });
  return formatTable([['operation', ...columns].map((h) => p.dim(h)), ...rows], '  ');
}

/** The failed verdicts, one entry per check and operation: the first failure, and how many more. */
function failures(results: readonly ReportedResult[], p: Paint, max: number): string[] {
  const failed = results.filter((r) => r.status === 'failed');
  const unique = [...groupBy(failed, (r) => `${r.check}|${r.operation}`).values()];
  const lines = unique.slice(0, max).flatMap((rs) => {
    const r = rs[0]!;
    const more = rs.length > 1 ? p.dim(` (and ${rs.length - 1} more)`) : '';
    return [`  ${p.red('✗')} ${p.bold(r.check)}  ${r.operation}  ${p.dim(requestText(r))}${more}`, `      ${r.message}`];
  });
  if (unique.length > max) lines.push(p.dim(`  … and ${unique.length - max} more; use --reporter json for all of them`));
  return lines;
}

/** The coverage of one target: the line, then each skipped operation with the reason, and the notes of checked ones; those left out by choice on one line. */
function coverage(target: TargetName, c: Coverage, p: Paint): string[] {
  const lines = [`${p.bold(`Coverage (${target})`)}: ${coverageLine(c)}`];
  for (const o of c.operations) {
    if (o.status === 'skipped') lines.push(`  ${p.yellow('–')} ${o.operation}  ${p.dim(`skipped: ${o.reason}`)}`);
    else if (o.status === 'checked') lines.push(`  ${p.green('✓')} ${o.operation}  ${p.dim(`${o.exchanges} exchange${o.exchanges === 1 ? '' : 's'}${o.notes ? `; not sent: ${o.notes.join('; ')}` : ''}`)}`);
  }
  const leftOut = c.operations.filter((o) => o.status === 'left-out').map((o) => o.operation);
  // Named when few; a run of one resource leaves out most of the table, which the line above counts.
  if (leftOut.length > 0) lines.push(`  ${p.dim('·')} ${p.dim(`left out by choice: ${leftOut.length <= 8 ? leftOut.join(', ') : `${leftOut.length} operations (--reporter json lists them)`}`)}`);
  return lines;
}

/** The warnings, one entry per check and operation: the first message, and how many more. */
function warnings(results: readonly ReportedResult[], p: Paint, max: number): string[] {
  const unique = [...groupBy(results.filter((r) => r.status === 'warning'), (r) => `${r.check}|${r.operation}`).values()];
  const lines = unique.slice(0, max).flatMap((rs) => {
    const r = rs[0]!;
    const more = rs.length > 1 ? p.dim(` (and ${rs.length - 1} more)`) : '';
    return [`  ${p.yellow('!')} ${p.bold(r.check)}  ${r.operation}  ${p.dim(requestText(r))}${more}`, `      ${r.message}`];
  });
  if (unique.length > max) lines.push(p.dim(`  … and ${unique.length - max} more; use --reporter json for all of them`));
  return lines;
}

/** The skipped verdicts that are not a check that does not apply: a probe left out on purpose, with the reason. */
function skippedChecks(results: readonly ReportedResult[], p: Paint): string[] {
  const unique = [...groupBy(results.filter((r) => r.status === 'skipped'), (r) => `${r.check}|${r.operation}`).values()];
  return unique.map((rs) => `  ${p.dim('–')} ${p.bold(rs[0]!.check)}  ${rs[0]!.operation}  ${p.dim(rs[0]!.message)}`);
}

/** The closing line: the verdict of the whole run. */
function verdict(report: RunReport, p: Paint): string {
  const { passed, failed, skipped, warnings } = report.summary;
  const total = passed + failed + warnings;
  const requests = Object.entries(report.requests).map(([target, n]) => `${n} ${target} requests`).join(', ');
  const extras = [skipped > 0 ? `${skipped} skipped` : '', warnings > 0 ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  const covered = Object.entries(report.coverage ?? {}).map(([target, c]) => `${target}: ${coverageLine(c)}`).join('; ');
  const tail = `${extras ? ` (${extras})` : ''}: ${requests} in ${(report.durationMs / 1000).toFixed(1)} s${covered ? ` (${covered})` : ''}`;
  return failed > 0
    ? p.red(p.bold(`✗ ${failed} of ${total} checks failed${tail}`))
    : p.green(p.bold(`✓ All ${total} checks passed${tail}`));
}

/**
 * The pretty report that follows the progress lines: a table per target of verdicts by operation
 * and check, the failures with what was expected and what came, and the verdict.
 * @example process.stdout.write(formatPretty(report, { color: process.stdout.isTTY }))
 */
export function formatPretty(report: RunReport, options: PrettyOptions = {}): string {
  const p = paint(options.color ?? false);
  const out: string[] = [];
  if (report.api) out.push('', p.bold(apiLine(report.api)));
  if (report.labActions) {
    out.push('', p.yellow(p.bold(`⚠ ${labActionsLine(report.labActions)}`)));
    for (const a of report.labActions.sent) out.push(`  ${p.yellow('⚠')} ${p.bold(a.operation)}  ${a.method} ${a.url}`);
  }
  for (const [target, results] of groupBy(report.results, (r) => r.target)) {
    out.push('', p.bold(targetTitles[target as TargetName]), matrix(results, p));
  }
  if (report.results.length > 0) out.push(p.dim('  ✓n: n verdicts passed · ✗f/n: f of n failed · !w/n: warnings · skip: could not judge · ·: does not apply'));
  for (const [target, c] of Object.entries(report.coverage ?? {}) as [TargetName, Coverage][]) out.push('', ...coverage(target, c, p));
  const noChecks = report.checksLeftOut ?? [];
  if (noChecks.length > 0) out.push('', `${p.bold('Checks left out by choice')}: ${noChecks.length <= 8 ? noChecks.join(', ') : `${noChecks.length} (--reporter json names them)`}`);
  const skipped = skippedChecks(report.results, p);
  if (skipped.length > 0) out.push('', p.bold('Skipped checks'), ...skipped);
  const warned = warnings(report.results, p, options.maxFailures ?? 20);
  if (warned.length > 0) out.push('', p.bold('Warnings'), ...warned);
  const failed = failures(report.results, p, options.maxFailures ?? 20);
  if (failed.length > 0) out.push('', p.bold('Failures'), ...failed);
  out.push('', verdict(report, p), '');
  return out.join('\n');
}
