import { afterEach, beforeEach, expect, it } from 'vitest';
import { serverChecks } from '../checks/server-checks.js';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import { runConformance } from '../runner/run-conformance.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { pickSample } from './pick-sample.js';
import { runServerTarget } from './server-target.js';

// Each test starts and closes its own fake: no test sees another's faults, logons or requests.
let mock: ObservedMock;
beforeEach(async () => void (mock = await startObservedMock(12)));
afterEach(() => mock.close());

const options = () => ({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 3 });
const logoffsOf = (m: ObservedMock) => m.received.filter((r) => r.method === 'DELETE');

it('sends nothing but GETs, its logons and the logoff of its own session', async () => {
  await runServerTarget(options(), () => undefined);
  const others = mock.received.filter((r) => r.method !== 'GET');
  expect(others.map((r) => r.method).sort()).toEqual(['DELETE', 'POST', 'POST']);
  const own = mock.logons.at(-1)!;
  expect(logoffsOf(mock).map((r) => r.url)).toEqual([`/api/logonSessions/${own.id}`]);
  expect(mock.state.logons.size).toBe(0);
});

it('makes 13 + 2K + B + A requests, plus one for a second query page, on a server holding N sessions', async () => {
  // K sampled sessions in two forms; B distinct backup servers among them; A of those whose reference links its entity form.
  for (const k of [0, 1, 3, 40]) {
    mock.reset();
    const sessions = [...mock.state.failoverSessions.values()];
    const b = new Set(pickSample(sessions, k).map((s) => s.backupServerId)).size;
    await runServerTarget({ ...options(), sample: k }, () => undefined);
    const servers = mock.received.filter((r) => r.url.startsWith('/api/backupServers/'));
    const a = servers.filter((r) => r.url.includes('format=Entity')).length;
    const secondPage = sessions.length > Math.max(k, 1) ? 1 : 0;
    expect(servers.length - a, `backup servers for K=${k}`).toBe(b);
    expect(a).toBeLessThanOrEqual(b);
    expect(mock.received.length, `K=${k}, N=${sessions.length}, B=${b}, A=${a}`).toBe(13 + 2 * Math.min(k, sessions.length) + b + a + secondPage);
  }
});

it('logs off when a check throws, and reports the check as failed', async () => {
  const throwing = { id: 'test.throws', scope: 'exchange' as const, title: 'throws', run: () => { throw new Error('boom'); } };
  const report = await runConformance({ ...options(), targets: ['server'], checks: { server: [...serverChecks, throwing] } });
  expect(report.results.find((r) => r.check === 'test.throws')).toMatchObject({ status: 'failed', message: 'the check threw Error: boom' });
  expect(logoffsOf(mock)).toHaveLength(1);
  expect(mock.state.logons.size).toBe(0);
});

it('logs off when the progress reporter throws mid-run, then rethrows', async () => {
  let seen = 0;
  const onExchange = (e: Exchange) => {
    if (e.operationId === 'listCloudFailoverSessions' && ++seen === 3) throw new Error('reporter failed');
  };
  await expect(runServerTarget(options(), onExchange)).rejects.toThrow('reporter failed');
  expect(logoffsOf(mock)).toHaveLength(1);
  expect(mock.state.logons.size).toBe(0);
});

it('logs off when interrupted, stops asking, and says it was interrupted', async () => {
  const controller = new AbortController();
  const onExchange = (e: Exchange) => void (e.operationId === 'getLogonSession' && controller.abort());
  const run = runServerTarget({ ...options(), signal: controller.signal }, onExchange);
  await expect(run).rejects.toThrow(RunInterruptedError);
  await expect(run).rejects.toMatchObject({ loggedOff: true });
  expect(mock.received.map((r) => r.method)).toEqual(['GET', 'POST', 'POST', 'GET', 'DELETE']);
  expect(mock.state.logons.size).toBe(0);
});

it('refuses to run against a server that cannot be reached', async () => {
  await expect(runServerTarget({ ...options(), baseUrl: 'http://127.0.0.1:9' }, () => undefined)).rejects.toThrow(TargetUnreachableError);
});

it('stops with LogonRefusedError when the credentials are refused, having sent no DELETE', async () => {
  const run = runServerTarget({ ...options(), password: 'not-the-password' }, () => undefined);
  await expect(run).rejects.toThrow(LogonRefusedError);
  await expect(run).rejects.toMatchObject({ status: 401 });
  expect(logoffsOf(mock)).toEqual([]);
});
