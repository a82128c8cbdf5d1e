import { afterAll, beforeAll, expect, it } from 'vitest';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { runConformance } from './run-conformance.js';

let mock: ObservedMock;
beforeAll(async () => void (mock = await startObservedMock(6)));
afterAll(() => mock.close());

const run = () => runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'] });

it('passes clean against the fake without faults', async () => {
  mock.reset();
  const report = await run();
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(report.summary.passed).toBeGreaterThan(100);
});

const cases: [violation: string, check: string, breakIt: (m: ObservedMock) => void][] = [
  ['wrong content type', 'headers.content-type', (m) => (m.faults.listCloudFailoverSessions = { contentType: 'text/html; charset=utf-8' })],
  ['missing Content-Length', 'headers.content-length', (m) => (m.faults.getCloudFailoverSession = { omitContentLength: true })],
  ['wrong namespace', 'body.namespace', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'wrong-namespace' })],
  ['wrong root', 'body.root', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'wrong-root' })],
  ['a missing UID', 'uid.form', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'missing-uid' })],
  ['a malformed UID', 'uid.form', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'malformed-uid' })],
  ['a missing Alternate link', 'links.documented', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'missing-alternate-link' })],
  ['a broken Alternate link', 'links.alternate', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'broken-alternate-link' })],
  ['auth not enforced', 'auth.no-session', (m) => (m.auth.enforce = false)],
  ['logoff not enforced', 'auth.after-logoff', (m) => (m.auth.logoffEnforced = false)],
  ['a 500', 'status.documented', (m) => (m.faults.getCloudFailoverSession = { status: 500 })],
  ['a truncated body', 'body.xml', (m) => (m.faults.listCloudFailoverSessions = { truncate: true })],
  ['swapped element order', 'body.shape', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'swapped-element-order' })],
  ['a bad date', 'body.shape', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'bad-date' })],
  ['a reset connection', 'transport', (m) => (m.faults.getBackupServer = { reset: true })],
  ['an Error body with another StatusCode', 'error.status-code', (m) => (m.faults.listCloudFailoverSessions = { mutate: (xml, c) => (c.status >= 400 ? xml.replace(`"${c.status}"`, '"200"') : xml) })],
];

it.each(cases)('%s makes %s fail', async (_violation, check, breakIt) => {
  mock.reset();
  breakIt(mock);
  const opened = mock.logons.length;
  const report = await run();
  const failed = report.results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.check)).toContain(check);
  expect(report.summary.failed).toBe(failed.length);
  const closed = mock.received.filter((r) => r.method === 'DELETE').map((r) => r.url);
  for (const logon of mock.logons.slice(opened)) expect(closed.some((url) => url.includes(logon.id))).toBe(true);
});
