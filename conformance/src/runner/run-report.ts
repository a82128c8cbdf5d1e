import type { KeyCasing, Representation } from '@vbem/models';
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
  /** The request judged, and the representation it asked for (`json` with `Accept: application/json`); on the client target, the client's. */
  readonly request: { readonly method: string; readonly url: string; readonly representation?: Representation };
  readonly target: TargetName;
}

/** How a result's request is shown: `GET https://…` and, for an answer asked for in JSON, ` (JSON)`. */
export const requestText = (r: Pick<ReportedResult, 'request'>): string => `${r.request.method} ${r.request.url}${r.request.representation === 'json' ? ' (JSON)' : ''}`;

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
  /** Each target's coverage of the operation table: every operation checked or skipped with the reason. */
  readonly coverage: Readonly<Partial<Record<TargetName, Coverage>>>;
  /**
   * The API version the server target logged on with (`asked`) and that answered (`version`), the
   * media type of its first representation, the representations every read was asked in and their media types, and the
   * casing of the server's JSON keys (`mixed`: some answers in each) (absent when it never reached the entry point).
   */
  readonly api?: { readonly version?: string; readonly asked?: string; readonly mediaType: string; readonly representations?: readonly Representation[]; readonly mediaTypes?: readonly string[]; readonly jsonCasing?: KeyCasing | 'mixed' };
  /** With labActions only: the server the actions were sent to, and each action sent (its operation, method and URL), in order. */
  readonly labActions?: { readonly origin: string; readonly sent: readonly { readonly operation: string; readonly method: string; readonly url: string }[] };
  /** The check ids left out by choice (`includeChecks` / `excludeChecks`), when some were. */
  readonly checksLeftOut?: readonly string[];
  /** Every exchange of each target, in order, redacted (bodies included), with the verdicts given on it: what `formatHar` writes; only with `keepExchanges`. */
  readonly exchanges?: Readonly<Partial<Record<TargetName, readonly JudgedExchange[]>>>;
}

/** One exchange of a run and the verdicts on it (none for an exchange sent for the run's own needs but left out by choice). */
export interface JudgedExchange {
  readonly exchange: Exchange;
  readonly results: readonly ReportedResult[];
}

/** The lab actions line, loud on purpose: state was changed on the server. */
export const labActionsLine = (l: NonNullable<RunReport['labActions']>): string =>
  `LAB ACTIONS: ${l.sent.length} state-changing request${l.sent.length === 1 ? '' : 's'} sent to ${l.origin} (--lab-actions)`;

const casingText: Record<KeyCasing | 'mixed', string> = {
  PascalCase: 'PascalCase, as documented',
  camelCase: 'camelCase, as Enterprise Manager 13 writes them: see json.casing',
  mixed: 'PascalCase in some answers, camelCase in others: see json.casing',
};

/**
 * The API line: `API version v1_7 (asked for latest), representation application/xml`, or with two,
 * `…, representations application/xml and application/json (JSON keys in camelCase, …)`.
 */
export function apiLine(a: NonNullable<RunReport['api']>): string {
  const version = `API version ${a.version ?? 'not advertised'}${a.asked !== undefined && a.asked !== a.version ? ` (asked for ${a.asked})` : ''}`;
  const types = a.mediaTypes ?? [a.mediaType];
  const casing = a.jsonCasing === undefined ? '' : ` (JSON keys in ${casingText[a.jsonCasing]})`;
  return `${version}, representation${types.length > 1 ? 's' : ''} ${types.join(' and ')}${casing}`;
}

/** One operation of the table in a target's run: checked (with how many exchanges) or skipped, and why. */
export type OperationCoverage =
  | { readonly operation: string; readonly status: 'checked'; readonly exchanges: number; readonly notes?: readonly string[] }
  | { readonly operation: string; readonly status: 'skipped'; readonly reason: string }
  /** Not judged because the user chose so (`include` / `exclude`): distinct from a skip, which the run could not help. */
  | { readonly operation: string; readonly status: 'left-out' };

/** A target's coverage: `checked of total operations checked, skipped skipped[, leftOut left out by choice]`. */
export interface Coverage {
  readonly total: number;
  readonly checked: number;
  readonly skipped: number;
  /** Operations left out by choice (`include` / `exclude`); absent when none were. */
  readonly leftOut?: number;
  readonly operations: readonly OperationCoverage[];
}

/**
 * The coverage of a run: every operation of the table, checked when an exchange of it was judged
 * (probes that were left out of it listed as notes), else skipped with the first reason given; an
 * operation outside `chosen` is left out by choice, whatever was sent of it.
 * @example coverageOf(Object.keys(model.operations), exchanges, [{ operation: 'startPlan', reason: 'changes state' }])
 */
export function coverageOf(
  operationIds: readonly string[],
  exchanges: readonly Pick<Exchange, 'operationId' | 'sent'>[],
  skips: readonly { readonly operation: string; readonly reason: string }[],
  chosen?: ReadonlySet<string>,
): Coverage {
  const operations = operationIds.map((operation): OperationCoverage => {
    if (chosen && !chosen.has(operation)) return { operation, status: 'left-out' };
    const count = exchanges.filter((e) => e.operationId === operation && e.sent !== false).length;
    const reasons = [...new Set(skips.filter((s) => s.operation === operation).map((s) => s.reason))];
    if (count > 0) return { operation, status: 'checked', exchanges: count, ...(reasons.length > 0 ? { notes: reasons } : {}) };
    return { operation, status: 'skipped', reason: reasons[0] ?? 'no request reached it' };
  });
  const count = (status: OperationCoverage['status']) => operations.filter((o) => o.status === status).length;
  const leftOut = count('left-out');
  return { total: operations.length, checked: count('checked'), skipped: count('skipped'), ...(leftOut > 0 ? { leftOut } : {}), operations };
}

/** The coverage line: `7 of 8 operations checked, 1 skipped`, and `, 40 left out by choice` when some were. */
export const coverageLine = (c: Coverage): string => `${c.checked} of ${c.total} operations checked, ${c.skipped} skipped${c.leftOut ? `, ${c.leftOut} left out by choice` : ''}`;

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
