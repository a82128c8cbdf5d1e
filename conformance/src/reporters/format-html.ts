import type { RunReport } from '../runner/run-report.js';
import { pageData } from './html-page-data.js';
import { PAGE_SCRIPT } from './html-page-script.js';
import { PAGE_STYLE } from './html-page-style.js';

/**
 * A value as JSON that can sit inside a `<script>` element: every `<` escaped (`\u003c`, the same
 * string to JSON.parse), so no `</script` or `<!--` in a message or a body can end or hide the element;
 * U+2028 and U+2029 escaped for older parsers.
 * @example scriptJson({ message: '</script>' }) // '{"message":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * The report as one self-contained HTML page: the target, API version and representations, the
 * totals, the coverage per operation, the failures first (grouped by check or by operation, each
 * with its exchange and the body's lines its message names highlighted), the warnings each listed
 * once with where they appear, and a filter (failed / warnings / all). No asset and no network (its
 * Content-Security-Policy allows none); the data is embedded as JSON and rendered lazily, so a run
 * of 10,000 checks opens at once. Exchanges are shown when the run kept them (`keepExchanges`).
 * Redacted as the run redacts every output.
 * @example writeFileSync('report.html', formatHtml(report))
 */
export function formatHtml(report: RunReport): string {
  const title = `vbem conformance: ${report.summary.failed > 0 ? `${report.summary.failed} failed` : 'passed'}, ${report.target}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<div id="app"><noscript>This report needs JavaScript to show its results.</noscript></div>
<script type="application/json" id="vbem-data">${scriptJson(pageData(report))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
