import type { RunReport } from '../runner/run-report.js';

/**
 * The report as JSON: `{ target, startedAt, durationMs, summary: { passed, failed, skipped,
 * warnings }, results: [{ check, operation, status, message, request: { method, url, representation? } }],
 * coverage: { server?: { total, checked, skipped, leftOut?, operations: [{ operation, status: 'checked', exchanges } | { operation, status: 'skipped', reason } | { operation, status: 'left-out' }] }, client?: … },
 * api?: { version?, asked?, mediaType, representations?, mediaTypes?, jsonCasing? }, labActions?: { origin, sent: [{ operation, method, url }] }, checksLeftOut?: [id] }`.
 * @example writeFileSync('report.json', formatJson(report))
 */
export function formatJson(report: RunReport): string {
  const { target, startedAt, durationMs, summary } = report;
  const results = report.results.map(({ check, operation, status, message, request }) => ({
    check,
    operation,
    status,
    message,
    request: { method: request.method, url: request.url, ...(request.representation ? { representation: request.representation } : {}) },
  }));
  const coverage = report.coverage ?? {};
  return `${JSON.stringify({ target, startedAt, durationMs, summary, results, coverage, ...(report.api ? { api: report.api } : {}), ...(report.labActions ? { labActions: report.labActions } : {}), ...(report.checksLeftOut ? { checksLeftOut: report.checksLeftOut } : {}) }, null, 2)}\n`;
}
