import { expect, it } from 'vitest';
import type { ReportedResult, RunReport } from '../runner/run-report.js';
import { coverageOf, summarize } from '../runner/run-report.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatPretty } from './format-pretty.js';

const result = (check: string, operation: string, status: ReportedResult['status'], message = 'ok'): ReportedResult => ({
  check,
  operation,
  status,
  message,
  request: { method: 'GET', url: `https://em.test:9398/api/${operation}` },
  target: 'server',
});
const results = [
  result('body.root', 'listCloudFailoverSessions', 'passed'),
  result('body.root', 'getCloudFailoverSession', 'failed', 'expected <EntityRef>, got <Error>'),
  result('xsd', 'getCloudFailoverSession', 'warning', "Element 'JobType': not expected"),
  result('links.up', 'getBackupServer', 'skipped', 'not followed'),
];
const report: RunReport = { target: 'https://em.test:9398', startedAt: '2025-01-14T00:00:00.000Z', durationMs: 1234, summary: summarize(results), results, requests: { server: 3 }, coverage: {} };
/** The same report with coverage: a made-up operation table of three, one of them never sent. */
const covered: RunReport = {
  ...report,
  coverage: {
    server: coverageOf(
      ['listWidgets', 'getWidget', 'startWidget'],
      [{ operationId: 'listWidgets' }, { operationId: 'getWidget' }, { operationId: 'getWidget' }],
      [{ operation: 'startWidget', reason: 'changes state: never sent to a live server' }],
    ),
  },
};

it('writes JSON in the documented shape, and nothing else', () => {
  const json = JSON.parse(formatJson(report)) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(['target', 'startedAt', 'durationMs', 'summary', 'results', 'coverage']);
  expect(json.summary).toEqual({ passed: 1, failed: 1, skipped: 1, warnings: 1 });
  expect((json.results as unknown[])[1]).toEqual({
    check: 'body.root',
    operation: 'getCloudFailoverSession',
    status: 'failed',
    message: 'expected <EntityRef>, got <Error>',
    request: { method: 'GET', url: 'https://em.test:9398/api/getCloudFailoverSession' },
  });
});

it('writes one JUnit testcase per check and operation, failures and skips marked, text escaped', () => {
  const xml = formatJunit(report);
  expect(xml.match(/<testcase /g)).toHaveLength(4);
  expect(xml).toContain('<testsuite name="vbem conformance: server" tests="4" failures="1" errors="0" skipped="1"');
  expect(xml).toContain('<failure message="expected &lt;EntityRef&gt;, got &lt;Error&gt;" type="body.root">');
  expect(xml).toMatch(/<testcase classname="server.getCloudFailoverSession" name="xsd" time="0">\s*<system-out>warning: /);
});

it('prints a table by operation and check, the failures, and the verdict', () => {
  const text = formatPretty(report);
  expect(text).toMatch(/operation\s+body\s+xsd\s+links/);
  expect(text).toMatch(/getCloudFailoverSession\s+✗1\/1\s+!1\/1/);
  expect(text).toContain('✗ body.root  getCloudFailoverSession  GET https://em.test:9398/api/getCloudFailoverSession\n      expected <EntityRef>, got <Error>');
  expect(text).toContain('✗ 1 of 3 checks failed (1 skipped, 1 warning): 3 server requests in 1.2 s');
});

it('colours only when asked', () => {
  expect(formatPretty(report)).not.toContain('\u001b[');
  expect(formatPretty(report, { color: true })).toContain('\u001b[31m');
});

it('shows the coverage of the operation table in every reporter: checked with exchanges, skipped with the reason', () => {
  const c = covered.coverage.server!;
  expect(c).toMatchObject({ total: 3, checked: 2, skipped: 1 });
  const json = JSON.parse(formatJson(covered)) as { coverage: { server: { operations: unknown[] } } };
  expect(json.coverage.server.operations).toEqual([
    { operation: 'listWidgets', status: 'checked', exchanges: 1 },
    { operation: 'getWidget', status: 'checked', exchanges: 2 },
    { operation: 'startWidget', status: 'skipped', reason: 'changes state: never sent to a live server' },
  ]);
  const text = formatPretty(covered);
  expect(text).toContain('Coverage (server): 2 of 3 operations checked, 1 skipped');
  expect(text).toMatch(/startWidget\s+skipped: changes state: never sent to a live server/);
  expect(text).toMatch(/getWidget\s+2 exchanges/);
  const xml = formatJunit(covered);
  expect(xml).toMatch(/<testcase classname="server.startWidget" name="coverage" time="0">\s*<skipped message="changes state: never sent to a live server"/);
  expect(xml).toContain('value="2 of 3 operations checked, 1 skipped"');
});

it('lists the warnings in the pretty report, not only their count', () => {
  expect(formatPretty(report)).toMatch(/Warnings\n\s+! xsd\s+getCloudFailoverSession/);
});

it('says which representation each result asked for and which casing the server wrote', () => {
  const inJson: ReportedResult = { ...result('body.shape', 'getCloudFailoverSession', 'failed', 'wrong type'), request: { method: 'GET', url: 'https://em.test:9398/api/x', representation: 'json' } };
  const api = { version: 'v1_7', mediaType: 'application/xml', representations: ['xml', 'json'] as const, mediaTypes: ['application/xml', 'application/json'], jsonCasing: 'camelCase' as const };
  const both: RunReport = { ...report, results: [inJson], summary: summarize([inJson]), api };
  const text = formatPretty(both);
  expect(text).toContain('API version v1_7, representations application/xml and application/json (JSON keys in camelCase, as Enterprise Manager 13 writes them: see json.casing)');
  expect(text).toContain('✗ body.shape  getCloudFailoverSession  GET https://em.test:9398/api/x (JSON)');
  expect(JSON.parse(formatJson(both)).results[0].request).toEqual({ method: 'GET', url: 'https://em.test:9398/api/x', representation: 'json' });
  const xml = formatJunit(both);
  expect(xml).toContain('GET https://em.test:9398/api/x (JSON): wrong type');
  expect(xml).toContain('<property name="api.jsonCasing" value="camelCase"/>');
});
