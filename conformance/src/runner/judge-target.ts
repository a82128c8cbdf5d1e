import { askedRepresentation } from '../asked-representation.js';
import type { Check, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import type { Redactor } from '../redactor.js';
import { validateWithXsd } from '../xsd/validate-with-xsd.js';
import type { ProgressEvent, ReportedResult, TargetName } from './run-report.js';
import { runChecks } from './run-checks.js';

export interface JudgeOptions {
  /** Which target the results are labelled with (required). */
  readonly target: TargetName;
  /** The checks to judge each exchange by (required). */
  readonly checks: readonly Check[];
  /** The base URL's origin, the only one the session header may go to (required). */
  readonly origin: string;
  /** Other origins declared the same server. (default: none) */
  readonly sameOrigins?: readonly string[];
  /** The schema text to validate bodies against. (default: none) */
  readonly xsd?: string;
  /** Scrubs secrets from every message and URL of the results (required). */
  readonly redactor: Redactor;
  /** Receives each judged exchange and the run-wide verdicts. (default: none) */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** The operations whose exchanges are judged: the others (sent for the run's own needs) are recorded, not judged. (default: every exchange) */
  readonly operations?: ReadonlySet<string>;
}

/**
 * Runs a target, judging each exchange with the exchange checks as it completes, then every
 * exchange with the run checks (links followed, XSD). Secrets are scrubbed from every result.
 * Returns the verdicts of each exchange too (none for one of an operation not chosen).
 * @example const { results } = await judgeTarget((onExchange) => runServerTarget(options, onExchange), { target: 'server', checks: serverChecks, origin, redactor })
 */
export async function judgeTarget<T = void>(
  produce: (onExchange: (exchange: Exchange) => void) => Promise<T>,
  options: JudgeOptions,
): Promise<{ results: ReportedResult[]; exchanges: Exchange[]; verdicts: Map<Exchange, ReportedResult[]>; value: T }> {
  const exchanges: Exchange[] = [];
  const results: ReportedResult[] = [];
  const verdictsOf = new Map<Exchange, ReportedResult[]>();
  const chosen = options.operations;
  const judged = (exchange: Exchange) => chosen === undefined || (exchange.operationId !== undefined && chosen.has(exchange.operationId));
  const report = (exchange: Exchange, verdicts: readonly CheckResult[]) => {
    const mine = verdictsOf.get(exchange) ?? [];
    verdictsOf.set(exchange, mine);
    for (const r of verdicts) {
      const reported: ReportedResult = {
        check: r.check,
        operation: exchange.operationId ?? 'unmatched',
        status: r.status,
        message: options.redactor.text(r.message),
        request: { method: exchange.request.method, url: options.redactor.text(exchange.request.url), representation: exchange.clientRepresentation ?? askedRepresentation(exchange) },
        target: options.target,
      };
      results.push(reported);
      mine.push(reported);
    }
  };
  const exchangeChecks = options.checks.filter((c) => c.scope === 'exchange');
  const sameOrigins = options.sameOrigins ?? [];
  const value = await produce((exchange) => {
    exchanges.push(exchange);
    if (!judged(exchange)) return;
    const verdicts = runChecks(exchangeChecks, exchange, { exchanges, origin: options.origin, sameOrigins });
    report(exchange, verdicts);
    options.onProgress?.({ kind: 'exchange', target: options.target, exchange, results: verdicts });
  });
  const xsd = options.xsd === undefined ? undefined : await validateWithXsd(exchanges, options.xsd);
  const runWide: CheckResult[] = [];
  const runChecksOf = options.checks.filter((c) => c.scope === 'run');
  for (const exchange of exchanges.filter(judged)) {
    const verdicts = runChecks(runChecksOf, exchange, { exchanges, origin: options.origin, sameOrigins, ...(xsd ? { xsd } : {}) });
    report(exchange, verdicts);
    runWide.push(...verdicts);
  }
  options.onProgress?.({ kind: 'run-checks', target: options.target, results: runWide });
  return { results, exchanges, verdicts: verdictsOf, value };
}
