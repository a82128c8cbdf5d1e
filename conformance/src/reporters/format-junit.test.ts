import { expect, it } from 'vitest';
import type { ReportedResult, RunReport, TargetName } from '../runner/run-report.js';
import { summarize } from '../runner/run-report.js';
import { formatJunit } from './format-junit.js';

const result = (target: TargetName, operation: string, check: string, status: ReportedResult['status'], n = 0): ReportedResult => ({
  check,
  operation,
  status,
  message: status === 'failed' ? `expected <Widget>, got <Error> (request ${n})` : 'fine',
  request: { method: 'GET', url: `https://em.test:9398/api/widgets/${n}` },
  target,
});
// Many requests judged by one check of one operation: one of them failed (or two: still one failed testcase).
const results = [
  result('server', 'getWidget', 'body.root', 'passed', 1),
  result('server', 'getWidget', 'body.root', 'passed', 2),
  result('server', 'getWidget', 'body.root', 'failed', 3),
  result('server', 'getWidget', 'body.root', 'passed', 4),
  result('server', 'getWidget', 'body.root', 'skipped', 5),
  result('server', 'getWidget', 'body.root', 'warning', 6),
  result('server', 'getWidget', 'body.xml', 'passed', 1),
  result('server', 'getWidget', 'body.xml', 'skipped', 2),
  result('server', 'listWidgets', 'body.root', 'skipped', 7),
  result('server', 'listWidgets', 'body.root', 'skipped', 8),
  result('client', 'getWidget', 'client.value', 'passed', 9),
  result('client', 'getWidget', 'client.value', 'failed', 10),
  result('client', 'getWidget', 'client.value', 'failed', 11),
];
const report: RunReport = { target: 'https://em.test:9398', startedAt: '2025-01-14T00:00:00.000Z', durationMs: 10, summary: summarize(results), results, requests: {}, coverage: {} };
const xml = formatJunit(report);
const testcase = (classname: string, name: string) => new RegExp(`<testcase classname="${classname}" name="${name}" time="0"(?:/>|>[\\s\\S]*?</testcase>)`).exec(xml)?.[0];

it('fails the testcase of a check and operation when one of its results failed, among passes, skips and warnings', () => {
  const failed = testcase('server.getWidget', 'body.root');
  expect(failed).toContain('<failure message="expected &lt;Widget&gt;, got &lt;Error&gt; (request 3)" type="body.root">GET https://em.test:9398/api/widgets/3: expected');
  expect(failed).not.toContain('<skipped');
  expect(testcase('client.getWidget', 'client.value')).toContain('<failure message="expected &lt;Widget&gt;, got &lt;Error&gt; (request 10)"');
});

it('passes a testcase judged at least once without a failure, and skips one only every result of which was skipped', () => {
  expect(testcase('server.getWidget', 'body.xml')).toMatch(/^<testcase [^>]*\/>$/);
  expect(testcase('server.listWidgets', 'body.root')).toMatch(/<skipped message="fine"\/>/);
});

it('counts a testcase with failed results as one failure in its testsuite and in testsuites', () => {
  expect(xml).toContain('<testsuite name="vbem conformance: server" tests="3" failures="1" errors="0" skipped="1"');
  expect(xml).toContain('<testsuite name="vbem conformance: client" tests="1" failures="1" errors="0" skipped="0"');
  expect(xml).toMatch(/<testsuites name="vbem conformance: https:\/\/em.test:9398" tests="4" failures="2" /);
});
