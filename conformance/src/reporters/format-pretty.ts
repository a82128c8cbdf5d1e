import type { CheckStatus } from '../check-result.js';
import type { ReportedResult, RunReport, TargetName } from '../runner/run-report.js';
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
    return [`  ${p.red('✗')} ${p.bold(r.check)}  ${r.operation}  ${p.dim(`${r.request.method} ${r.request.url}`)}${more}`, `      ${r.message}`];
  });
  if (unique.length > max) lines.push(p.dim(`  … and ${unique.length - max} more; use --reporter json for all of them`));
  return lines;
}

/** The closing line: the verdict of the whole run. */
function verdict(report: RunReport, p: Paint): string {
  const { passed, failed, skipped, warnings } = report.summary;
  const total = passed + failed + warnings;
  const requests = Object.entries(report.requests).map(([target, n]) => `${n} ${target} requests`).join(', ');
  const extras = [skipped > 0 ? `${skipped} skipped` : '', warnings > 0 ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  const tail = `${extras ? ` (${extras})` : ''}: ${requests} in ${(report.durationMs / 1000).toFixed(1)} s`;
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
  for (const [target, results] of groupBy(report.results, (r) => r.target)) {
    out.push('', p.bold(targetTitles[target as TargetName]), matrix(results, p));
  }
  if (report.results.length > 0) out.push(p.dim('  ✓n: n verdicts passed · ✗f/n: f of n failed · !w/n: warnings · skip: could not judge · ·: does not apply'));
  const failed = failures(report.results, p, options.maxFailures ?? 20);
  if (failed.length > 0) out.push('', p.bold('Failures'), ...failed);
  out.push('', verdict(report, p), '');
  return out.join('\n');
}
