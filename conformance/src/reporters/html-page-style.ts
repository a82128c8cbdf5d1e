/** The page's stylesheet, inline: the file opens from disk with no other asset. */
export const PAGE_STYLE = `
:root { --fail: #b42318; --warn: #9a6700; --pass: #1a7f37; --skip: #6e7781; --line: #d0d7de; --mark: #fff1a8; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.meta { color: #57606a; margin: 2px 0; overflow-wrap: anywhere; }
.lab { color: var(--warn); font-weight: 600; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.total { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.total b { display: block; font-size: 22px; }
.total.failed b { color: var(--fail); } .total.warning b { color: var(--warn); } .total.passed b { color: var(--pass); } .total.skipped b { color: var(--skip); }
.verdict { font-weight: 600; }
.verdict.failed { color: var(--fail); } .verdict.passed { color: var(--pass); }
.bar { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; }
.bar label { cursor: pointer; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; }
details > summary { cursor: pointer; padding: 6px 10px; overflow-wrap: anywhere; }
details[open] > summary { border-bottom: 1px solid var(--line); }
.inner { padding: 6px 10px; }
.count { color: #57606a; }
.row { border-top: 1px solid #eaeef2; padding: 6px 0; }
.row:first-child { border-top: 0; }
.status { font-weight: 600; display: inline-block; min-width: 68px; }
.status.failed { color: var(--fail); } .status.warning { color: var(--warn); } .status.passed { color: var(--pass); } .status.skipped { color: var(--skip); }
.req { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
.msg { margin: 2px 0 0 72px; overflow-wrap: anywhere; }
.row > details, .row > .where { margin-left: 72px; }
.exchange { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.exchange .line { font-weight: 600; overflow-wrap: anywhere; }
.exchange table { border-collapse: collapse; margin: 4px 0 8px; }
.exchange td { padding: 0 12px 0 0; vertical-align: top; overflow-wrap: anywhere; }
.exchange td:first-child { color: #57606a; white-space: nowrap; }
pre { margin: 4px 0; padding: 8px; background: #f6f8fa; border-radius: 6px; overflow: auto; max-height: 480px; }
pre .hl { background: var(--mark); outline: 1px solid #d4a72c; display: inline-block; min-width: 100%; }
button.more { margin: 6px 0; }
.coverage td { padding: 1px 12px 1px 0; vertical-align: top; }
.cov-checked { color: var(--pass); } .cov-skipped { color: var(--warn); } .cov-left-out { color: var(--skip); }
.empty { color: #57606a; font-style: italic; }
`;
