import { expect, it } from 'vitest';
import type { RunReport } from '../runner/run-report.js';
import { syntheticReport } from '../test-support/synthetic-report.js';
import { formatHtml, scriptJson } from './format-html.js';

/** The text of the page's JSON data element, as a browser's HTML parser would end it: at the first `</script`. */
const embedded = (html: string) => html.slice(html.indexOf('<script type="application/json" id="vbem-data">') + '<script type="application/json" id="vbem-data">'.length).split(/<\/script/i)[0]!;

it('embeds a message and a body that hold </script and <!-- as data, not markup', () => {
  const hostile = '</script><script>alert(1)</script><!-- <SCRIPT>';
  const report = syntheticReport(3);
  const edited: RunReport = {
    ...report,
    results: report.results.map((r) => ({ ...r, message: `${r.message} ${hostile}` })),
    exchanges: { server: report.exchanges!.server!.map((j) => ({ ...j, exchange: { ...j.exchange, response: { ...j.exchange.response!, body: `<Things>${hostile}</Things>` } } })) },
  };
  const html = formatHtml(edited);
  expect(html.match(/<script/gi)).toHaveLength(2);
  expect(html).not.toContain('<!--');
  const data = JSON.parse(embedded(html)) as { results: unknown[][]; exchanges: { body: string[] }[] };
  expect(data.results[0]![3]).toBe(`${report.results[0]!.message} ${hostile}`);
  expect(data.exchanges[0]!.body.join('')).toContain('</script><script>alert(1)</script>');
});

it('escapes every < and the line separators JSON allows but older parsers do not', () => {
  expect(scriptJson({ a: '<!--</SCRIPT>\u2028\u2029' })).toBe('{"a":"\\u003c!--\\u003c/SCRIPT>\\u2028\\u2029"}');
});

it('is one file that asks for nothing: no src, href, url() or @import, and a policy that allows no network', () => {
  const html = formatHtml(syntheticReport(20));
  const markup = html.replace(embedded(html), '');
  expect(markup).not.toMatch(/\b(?:src|href)\s*=|url\(|@import/i);
  expect(markup).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
});

it('keeps the exchange of a failure and the lines its message names, and leaves out exchanges only passed', () => {
  const report = syntheticReport(30);
  const data = JSON.parse(embedded(formatHtml(report))) as { results: [number, number, number, string, string, number, number, number[]][]; exchanges: { body: string[] }[] };
  const failed = data.results.find((r) => r[2] === 0)!;
  expect(failed[6]).toBeGreaterThanOrEqual(0);
  expect(failed[7].map((i) => data.exchanges[failed[6]]!.body[i])).toEqual(['    <Name>a</Name>']);
  expect(data.results.filter((r) => r[2] === 3).every((r) => r[6] === -1)).toBe(true);
  expect(data.exchanges).toHaveLength(report.results.filter((r) => r.status !== 'passed').length);
});

it('lists every operation of the coverage: checked with its exchanges, skipped with the reason, left out by choice', () => {
  const report = syntheticReport(3);
  const operations = [
    { operation: 'a', status: 'checked', exchanges: 2, notes: ['no-session probe not sent'] },
    { operation: 'b', status: 'skipped', reason: 'changes state' },
    { operation: 'c', status: 'left-out' },
  ] as const;
  const html = formatHtml({ ...report, coverage: { server: { total: 3, checked: 1, skipped: 1, leftOut: 1, operations } } });
  const data = JSON.parse(embedded(html)) as { coverage: { target: string; line: string; operations: string[][] }[] };
  expect(data.coverage).toEqual([
    {
      target: 'server',
      line: '1 of 3 operations checked, 1 skipped, 1 left out by choice',
      operations: [
        ['a', 'checked', '2 exchanges; not sent: no-session probe not sent'],
        ['b', 'skipped', 'changes state'],
        ['c', 'left-out', 'left out by choice'],
      ],
    },
  ]);
});
