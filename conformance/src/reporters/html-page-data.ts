import { STATUS_CODES } from 'node:http';
import type { CheckStatus } from '../check-result.js';
import { apiLine, coverageLine, labActionsLine, requestText, type Coverage, type JudgedExchange, type ReportedResult, type RunReport, type TargetName } from '../runner/run-report.js';
import { markedLines, prettyBody } from './pretty-body.js';

/** The statuses by their index in a result row, worst first: the order the page lists them in. */
export const STATUSES: readonly CheckStatus[] = ['failed', 'warning', 'skipped', 'passed'];

/** One exchange as the page shows it: request line, headers, body, and the response's. */
export interface PageExchange {
  readonly target: TargetName;
  readonly request: string;
  readonly probe?: string;
  readonly requestHeaders: readonly (readonly [string, string])[];
  readonly requestBody?: readonly string[];
  /** `200 OK`; absent when no response came. */
  readonly status?: string;
  readonly responseHeaders: readonly (readonly [string, string])[];
  readonly body?: readonly string[];
  readonly error?: string;
  readonly bodyNotJudged?: string;
}

/** A verdict as a compact row: `[check, operation, status, message, request, target, exchange (-1: none kept), marked body lines]`, indexes into the tables. */
export type PageResult = readonly [number, number, number, string, string, number, number, readonly number[]];

/** Everything the page shows, as the JSON it embeds. */
export interface PageData {
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly api?: string;
  readonly labActions?: readonly string[];
  readonly summary: RunReport['summary'];
  readonly requests: string;
  readonly coverage: readonly { readonly target: TargetName; readonly line: string; readonly operations: readonly (readonly [string, string, string])[] }[];
  readonly checksLeftOut: readonly string[];
  readonly statuses: readonly CheckStatus[];
  readonly targets: readonly TargetName[];
  readonly checks: readonly string[];
  readonly operations: readonly string[];
  readonly results: readonly PageResult[];
  readonly exchanges: readonly PageExchange[];
}

/** Values as indexes into a table that grows as they come. */
function table() {
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    values,
    of: (value: string) => index.get(value) ?? (index.set(value, values.length), values.push(value) - 1),
  };
}

const headerPairs = (headers: Readonly<Record<string, string>>) => Object.entries(headers);

function pageExchange(target: TargetName, { exchange }: JudgedExchange): { page: PageExchange; body?: ReturnType<typeof prettyBody> } {
  const { request, response } = exchange;
  const body = response && response.body !== '' ? prettyBody(response.body, response.headers['content-type']) : undefined;
  const page: PageExchange = {
    target,
    request: `${request.method} ${request.url}`,
    ...(exchange.probe ? { probe: exchange.probe } : {}),
    requestHeaders: headerPairs(request.headers),
    ...(request.body !== undefined ? { requestBody: prettyBody(request.body, request.headers['content-type']).lines } : {}),
    ...(response ? { status: `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim() } : {}),
    responseHeaders: headerPairs(response?.headers ?? {}),
    ...(body ? { body: body.lines } : {}),
    ...(exchange.error !== undefined ? { error: exchange.error } : {}),
    ...(exchange.bodyNotJudged !== undefined ? { bodyNotJudged: exchange.bodyNotJudged } : {}),
  };
  return { page, ...(body ? { body } : {}) };
}

const coverageRow = (o: Coverage['operations'][number]): readonly [string, string, string] =>
  o.status === 'checked'
    ? [o.operation, 'checked', `${o.exchanges} exchange${o.exchanges === 1 ? '' : 's'}${o.notes ? `; not sent: ${o.notes.join('; ')}` : ''}`]
    : o.status === 'skipped'
      ? [o.operation, 'skipped', o.reason]
      : [o.operation, 'left-out', 'left out by choice'];

/**
 * The report as the page's data: results as rows of indexes, and the exchange of every failure
 * and warning (with the lines of its body its message names), when the run kept its exchanges.
 * Exchanges only passed are left out: they would make the file the size of the whole run's traffic.
 * @example JSON.stringify(pageData(report))
 */
export function pageData(report: RunReport): PageData {
  const checks = table();
  const operations = table();
  const targets: TargetName[] = ['server', 'client'];
  const exchanges: PageExchange[] = [];
  const where = new Map<ReportedResult, { index: number; body?: ReturnType<typeof prettyBody> }>();
  for (const [target, list] of Object.entries(report.exchanges ?? {}) as [TargetName, readonly JudgedExchange[]][]) {
    for (const judged of list) {
      if (!judged.results.some((r) => r.status === 'failed' || r.status === 'warning')) continue;
      const { page, body } = pageExchange(target, judged);
      const shown = { index: exchanges.push(page) - 1, ...(body ? { body } : {}) };
      for (const r of judged.results) where.set(r, shown);
    }
  }
  const results = report.results.map((r): PageResult => {
    const shown = r.status === 'failed' || r.status === 'warning' ? where.get(r) : undefined;
    return [checks.of(r.check), operations.of(r.operation), STATUSES.indexOf(r.status), r.message, requestText(r), targets.indexOf(r.target), shown?.index ?? -1, shown?.body ? markedLines(shown.body, r.message) : []];
  });
  const requests = Object.entries(report.requests).map(([target, n]) => `${n} ${target} request${n === 1 ? '' : 's'}`).join(', ');
  return {
    target: report.target,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    ...(report.api ? { api: apiLine(report.api) } : {}),
    ...(report.labActions ? { labActions: [labActionsLine(report.labActions), ...report.labActions.sent.map((a) => `${a.operation}: ${a.method} ${a.url}`)] } : {}),
    summary: report.summary,
    requests,
    coverage: (Object.entries(report.coverage ?? {}) as [TargetName, Coverage][]).map(([target, c]) => ({ target, line: coverageLine(c), operations: c.operations.map(coverageRow) })),
    checksLeftOut: report.checksLeftOut ?? [],
    statuses: STATUSES,
    targets,
    checks: checks.values,
    operations: operations.values,
    results,
    exchanges,
  };
}
