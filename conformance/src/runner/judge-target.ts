import { askedRepresentation } from '../asked-representation.js';
import type { Check, CheckContext, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { withoutBody } from '../kept-facts.js';
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
  /** Keep every exchange whole, its body included, to the end (for a HAR). (default: false: once judged, an exchange is kept without its body, when every run check keeps what it reads later and no XSD was given) */
  readonly keepExchanges?: boolean;
}

/**
 * Runs a target, judging each exchange with the exchange checks as it completes, then every
 * exchange with the run checks (links followed, XSD). Secrets are scrubbed from every result.
 * Once judged, an exchange is kept without its body, with the facts the run checks take of it
 * (`Check.keep`): memory stays flat however long the lists a server answers. Returns the
 * exchanges as kept and the verdicts of each (none for one of an operation not chosen).
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
  const runChecksOf = options.checks.filter((c) => c.scope === 'run');
  // A run check that keeps nothing reads the bodies at the end; the XSD is validated against them all at once.
  const dropBodies = !options.keepExchanges && options.xsd === undefined && runChecksOf.every((c) => c.keep !== undefined);
  const sameOrigins = options.sameOrigins ?? [];
  const value = await produce((whole) => {
    const exchange = dropBodies ? withoutBody(whole) : whole;
    exchanges.push(exchange);
    if (exchange !== whole) for (const check of runChecksOf) keepFacts(check, whole, exchange, { exchanges, origin: options.origin, sameOrigins });
    if (!judged(exchange)) return;
    const verdicts = runChecks(exchangeChecks, whole, { exchanges, origin: options.origin, sameOrigins });
    report(exchange, verdicts);
    options.onProgress?.({ kind: 'exchange', target: options.target, exchange: whole, results: verdicts });
  });
  const xsd = options.xsd === undefined ? undefined : await validateWithXsd(exchanges, options.xsd);
  const runWide: CheckResult[] = [];
  for (const exchange of exchanges.filter(judged)) {
    const verdicts = runChecks(runChecksOf, exchange, { exchanges, origin: options.origin, sameOrigins, ...(xsd ? { xsd } : {}) });
    report(exchange, verdicts);
    runWide.push(...verdicts);
  }
  options.onProgress?.({ kind: 'run-checks', target: options.target, results: runWide });
  return { results, exchanges, verdicts: verdictsOf, value };
}

/** Takes a run check's facts of an exchange; a check that throws taking them says so when it runs (runChecks reports it failed). */
function keepFacts(check: Check, whole: Exchange, kept: Exchange, context: CheckContext): void {
  try {
    check.keep!(whole, kept, context);
  } catch {
    // Its run then asks for the dropped body and fails with BodyDroppedError, named in its verdict.
  }
}
