import { builtinModel as model } from '@vbem/models';
import type { CheckStatus } from '../check-result.js';
import type { JudgedExchange, ReportedResult, RunReport } from '../runner/run-report.js';
import { summarize } from '../runner/run-report.js';

const messages: Record<CheckStatus, (item: number, i: number) => string> = {
  passed: () => 'as documented',
  skipped: () => 'does not apply',
  failed: (item, i) => `/Things/Thing[${item}]/Name: expected text, got ${i}`,
  // The same addition in every item: one finding, wherever it appears.
  warning: (item) => `/Things/Thing[${item}]/Extra: an undocumented element Extra`,
};

/**
 * A report of `size` verdicts over the model's operations and `checks` made-up checks, a status
 * in every tenth of them failed and every seventh a warning, the exchange of each kept; what a
 * long run against a big deployment gives, without running one.
 */
export function syntheticReport(size: number, checks = 40): RunReport {
  const operations = Object.keys(model.operations);
  const base = 'https://em.example:9398/api';
  const results: ReportedResult[] = [];
  const exchanges: JudgedExchange[] = [];
  for (let i = 0; i < size; i++) {
    const status: CheckStatus = i % 10 === 0 ? 'failed' : i % 7 === 0 ? 'warning' : 'passed';
    const operation = operations[i % operations.length]!;
    const url = `${base}/things/${i}`;
    const result: ReportedResult = { check: `check.n${i % checks}`, operation, status, message: messages[status]((i % 3) + 1, i), request: { method: 'GET', url }, target: 'server' };
    results.push(result);
    const body = `<Things><Thing><Name>a</Name></Thing><Thing><Name>b</Name></Thing><Thing><Name>${i}</Name></Thing></Things>`;
    exchanges.push({
      exchange: { operationId: operation, request: { method: 'GET', url, headers: { accept: 'application/xml' } }, response: { status: 200, headers: { 'content-type': 'application/xml' }, body, bodyBytes: body.length }, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 },
      results: [result],
    });
  }
  const coverage = { total: operations.length, checked: operations.length, skipped: 0, operations: operations.map((operation) => ({ operation, status: 'checked' as const, exchanges: 1 })) };
  return { target: base, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1000, summary: summarize(results), results, requests: { server: size }, coverage: { server: coverage }, exchanges: { server: exchanges } };
}
