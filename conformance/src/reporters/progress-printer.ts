import type { CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import type { ProgressEvent } from '../runner/run-report.js';
import { exchangeLabel } from './probe-label.js';
import { padVisible, paint } from './paint.js';
import { verdictLine } from './verdict-line.js';

export interface ProgressPrinterOptions {
  /** Where lines go. (default: none: required) */
  readonly write: (line: string) => void;
  /** Use ANSI colours. (default: false) */
  readonly color?: boolean;
}

/**
 * The pretty reporter's live part: a line per operation as it completes (consecutive requests of
 * one operation and negative case make one line), then a line for the checks that follow links.
 * @example const progress = createProgressPrinter({ write: (l) => process.stdout.write(`${l}\n`) }); await runConformance({ onProgress: progress });
 */
export function createProgressPrinter(options: ProgressPrinterOptions): (event: ProgressEvent) => void {
  const p = paint(options.color ?? false);
  let group: { key: string; label: string; exchanges: Exchange[]; results: CheckResult[] } | undefined;
  let titled = false;

  const flush = () => {
    if (!group) return;
    const { mark, text } = verdictLine(group.results, p);
    const n = group.exchanges.length;
    // A client call's own status is on its last exchange (a re-logon on the way is not the point).
    const shown = group.exchanges.some((e) => e.outcome) ? group.exchanges.filter((e) => e.outcome) : group.exchanges;
    const statuses = [...new Set(shown.map((e) => e.response?.status ?? '—'))].join(' ');
    const ms = Math.round(group.exchanges.reduce((sum, e) => sum + e.durationMs, 0));
    const requests = `${n} request${n > 1 ? 's' : ''}`.padStart(11);
    options.write(`  ${mark} ${padVisible(group.label, 44)} ${requests}  ${padVisible(p.dim(statuses), 31)} ${text} ${p.dim(`${ms} ms`)}`);
    group = undefined;
  };

  return (event) => {
    if (event.kind === 'target') {
      flush();
      if (!titled) options.write(p.dim('vbem conformance: every request is judged against the spec (status, headers, XML and JSON shape, UIDs, links, auth)'));
      titled = true;
      options.write(`\n${p.bold(event.description)}`);
    } else if (event.kind === 'exchange') {
      const label = exchangeLabel(event.exchange);
      const key = `${event.target} ${label}`;
      if (group?.key !== key) flush();
      group ??= { key, label, exchanges: [], results: [] };
      group.exchanges.push(event.exchange);
      group.results.push(...event.results);
    } else {
      flush();
      if (event.results.length === 0) return;
      const { mark, text } = verdictLine(event.results, p);
      const label = event.results.some((r) => r.check === 'xsd') ? 'links followed, bodies against the XSD' : 'links followed';
      options.write(`  ${mark} ${padVisible(label, 44)} ${''.padStart(11)}  ${padVisible('', 31)} ${text}`);
    }
  };
}
