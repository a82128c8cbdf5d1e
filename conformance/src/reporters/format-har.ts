import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Exchange } from '../exchange.js';
import type { JudgedExchange, RunReport, TargetName } from '../runner/run-report.js';

/** The version of @vbem/conformance, from its package.json (two folders above src/reporters and dist/reporters; a bundle names its own creator). */
const ownVersion = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const pairs = (headers: Readonly<Record<string, string>>) => Object.entries(headers).map(([name, value]) => ({ name, value }));

/** One HAR 1.2 entry: the exchange as sent and received, its verdicts in the custom field `_vbem`. */
function entryOf(target: TargetName, { exchange, results }: JudgedExchange) {
  const { request, response } = exchange;
  const url = new URL(request.url);
  const status = response?.status ?? 0;
  const time = exchange.durationMs;
  return {
    startedDateTime: exchange.startedAt,
    time,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(request.body !== undefined ? { postData: { mimeType: request.headers['content-type'] ?? '', text: request.body } } : {}),
      headersSize: -1,
      bodySize: request.body === undefined ? 0 : Buffer.byteLength(request.body),
    },
    response: {
      status,
      statusText: response ? (STATUS_CODES[status] ?? '') : '',
      httpVersion: response ? 'HTTP/1.1' : '',
      cookies: [],
      headers: pairs(response?.headers ?? {}),
      content: { size: response?.bodyBytes ?? 0, mimeType: response?.headers['content-type'] ?? 'x-unknown', ...(response ? { text: response.body } : {}) },
      redirectURL: response?.headers.location ?? '',
      headersSize: -1,
      bodySize: response?.bodyBytes ?? -1,
      // A request that got no response: the status 0 of browsers' HAR files, and why.
      ...(exchange.error !== undefined ? { _error: exchange.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _vbem: {
      target,
      operation: exchange.operationId ?? 'unmatched',
      ...(exchange.probe ? { probe: exchange.probe } : {}),
      ...(exchange.call !== undefined ? { call: exchange.call } : {}),
      ...(exchange.clientRepresentation !== undefined ? { representation: exchange.clientRepresentation } : {}),
      ...(exchange.bodyNotJudged !== undefined ? { bodyNotJudged: exchange.bodyNotJudged } : {}),
      checks: results.map(({ check, status: outcome, message }) => ({ check, status: outcome, message })),
    },
  };
}

export interface HarOptions {
  /** The program named as the HAR's creator. (default: @vbem/conformance and its version) */
  readonly creator?: { readonly name: string; readonly version: string };
}

/** Only what went on the wire: an exchange the client refused to send is a verdict, not traffic. */
const wasSent = (j: JudgedExchange) => (j.exchange as Exchange).sent !== false;

/**
 * Every exchange of the run as an HTTP Archive 1.2 (what browsers' devtools and HAR viewers read),
 * server target first, in the order sent: request (method, URL, headers, query string, the body
 * of an action), response (status, headers, body), timings, redacted as the run redacts every
 * output (session tokens, Authorization, passwords in any form, logon session ids), each entry's
 * check verdicts in the custom field `_vbem` (`{ target, operation, probe?, call?, representation? (the client's), checks: [{ check, status, message }] }`).
 * @example writeFileSync('run.har', formatHar(report))
 */
export function formatHar(report: RunReport, options: HarOptions = {}): string {
  const targets = Object.entries(report.exchanges ?? {}) as [TargetName, readonly JudgedExchange[]][];
  const entries = targets.flatMap(([target, list]) => list.filter(wasSent).map((j) => entryOf(target, j)));
  const creator = options.creator ?? { name: '@vbem/conformance', version: ownVersion() };
  const log = { version: '1.2', creator, entries, comment: `vbem conformance run against ${report.target}, started ${report.startedAt}` };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}
