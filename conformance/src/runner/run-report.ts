import type { CheckResult, CheckStatus } from '../check-result.js';
import type { Exchange } from '../exchange.js';

/** Which side a result judges: a server's responses, or the client's requests and values. */
export type TargetName = 'server' | 'client';

/** One verdict, with the operation and request it is about. */
export interface ReportedResult {
  readonly check: string;
  /** The spec operation id, or `unmatched`. */
  readonly operation: string;
  readonly status: CheckStatus;
  readonly message: string;
  readonly request: { readonly method: string; readonly url: string };
  readonly target: TargetName;
}

/** How many verdicts of each status a run gave. */
export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly warnings: number;
}

/** The outcome of a conformance run: what the reporters print. */
export interface RunReport {
  /** What was judged: the base URL, or the built-in fake. */
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: Summary;
  readonly results: readonly ReportedResult[];
  /** How many requests each target made. */
  readonly requests: Readonly<Partial<Record<TargetName, number>>>;
}

/** What happens while a run goes: a target starts, an exchange is judged, the run-wide checks end a target. */
export type ProgressEvent =
  | { readonly kind: 'target'; readonly target: TargetName; readonly description: string }
  | { readonly kind: 'exchange'; readonly target: TargetName; readonly exchange: Exchange; readonly results: readonly CheckResult[] }
  | { readonly kind: 'run-checks'; readonly target: TargetName; readonly results: readonly CheckResult[] };

/**
 * The counts of a list of results.
 * @example summarize(report.results) // { passed: 712, failed: 0, skipped: 0, warnings: 0 }
 */
export function summarize(results: readonly { readonly status: CheckStatus }[]): Summary {
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), warnings: count('warning') };
}
