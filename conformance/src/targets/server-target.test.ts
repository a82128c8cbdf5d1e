import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinModel, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { serverChecks } from '../checks/server-checks.js';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import { runConformance } from '../runner/run-conformance.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { entityIds } from './client-target.js';
import { CHANGES_STATE, planProbes } from './plan-probes.js';
import { runServerTarget } from './server-target.js';

// Some tests run the whole suite over every operation of the spec: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

const { protocol } = builtinModel.api;
const operations = Object.values(builtinModel.operations);
/** The operations the planner never sends to a live server. */
const CHANGES_STATE_OPS = new Set(planProbes(builtinModel).skipped.filter((s) => s.reason === CHANGES_STATE).map((s) => s.operation));

let mock: ObservedMock;
// Each test starts and closes its own fake: no test sees another's faults, logons or requests.
beforeEach(async () => void (mock = await startObservedMock(12)));
afterEach(() => mock.close());

const options = () => ({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 3 });
/**
 * The frame every run sends (entry point, logon, its logon session, logoff) and the operation the
 * authentication probes ask: a run narrowed to these (`operations`) still logs on, probes and logs
 * off, at a cost that does not grow with the table. Tests of the frame use it; tests of what is sent
 * for every operation run the whole table.
 */
const frameOnly: ReadonlySet<string> = new Set([protocol.entryPoint, protocol.logon, protocol.logonSession, protocol.logoff, protocol.authProbe]);
const logoffsOf = (m: ObservedMock) => m.received.filter((r) => r.method === 'DELETE');
const collect = async (o: Parameters<typeof runServerTarget>[0]) => {
  const exchanges: Exchange[] = [];
  const outcome = await runServerTarget(o, (e) => void exchanges.push(e));
  return { exchanges, outcome };
};

/** A loopback server in front of the fake that can rewrite each answer (status, headers, body), hrefs moved to its own origin. */
type Rewrite = (r: { method: string; path: string; status: number; headers: Headers; body: string }) => { status?: number; headers?: Headers; body?: string };
type Answer = (r: { method: string; path: string; own: string; body: string }) => { status: number; body: string } | undefined;
async function startProxy(target: string, rewrite: Rewrite = () => ({}), answerItself: Answer = () => undefined) {
  const received: { method: string; url: string; body: string }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString() });
    const own0 = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answered = answerItself({ method: req.method ?? '', path: req.url ?? '', own: own0, body: Buffer.concat(chunks).toString() });
    if (answered) {
      res.writeHead(answered.status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(answered.body)) });
      res.end(answered.body);
      return;
    }
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
    headers.delete('host');
    const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const own = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = (await answer.text()).replaceAll(target, own);
    const out = new Headers(answer.headers);
    for (const [k, v] of out) if (v.includes(target)) out.set(k, v.replaceAll(target, own));
    const changed = rewrite({ method: req.method ?? '', path: req.url ?? '', status: answer.status, headers: out, body });
    const finalBody = changed.body ?? body;
    const finalHeaders = changed.headers ?? out;
    finalHeaders.delete('content-encoding');
    finalHeaders.set('content-length', String(Buffer.byteLength(finalBody)));
    res.writeHead(changed.status ?? answer.status, Object.fromEntries(finalHeaders));
    res.end(finalBody);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())) };
}

it('sends nothing but GETs, its logon and the logoff of its own session; the wrong password only when asked', async () => {
  await runServerTarget(options(), () => undefined);
  expect(mock.received.filter((r) => r.method !== 'GET').map((r) => r.method).sort()).toEqual(['DELETE', 'POST']);
  const own = mock.logons.at(-1)!;
  expect(logoffsOf(mock).map((r) => r.url)).toEqual([`/api/logonSessions/${own.id}`]);
  expect(mock.state.logons.size).toBe(0);
  mock.reset();
  // The wrong-password logon is part of the frame: the frame alone shows it is sent once, when asked.
  const { exchanges } = await collect({ ...options(), probeBadPassword: true, operations: frameOnly });
  expect(mock.received.filter((r) => r.method !== 'GET').map((r) => r.method).sort()).toEqual(['DELETE', 'POST', 'POST']);
  expect(exchanges.filter((e) => e.probe === 'wrong-password')).toHaveLength(1);
});

it('sends every probe of its plan: each collection and query in every format, and an unknown id to each item operation', async () => {
  const { exchanges } = await collect(options());
  const plan = planProbes(builtinModel, { randomId: () => 'unused' });
  const formatOf = (e: Exchange) => new URL(e.request.url).searchParams.get(builtinModel.api.formatParam) ?? 'default';
  for (const probe of plan.probes) {
    if (probe.kind === 'collection' || probe.kind === 'query') {
      expect(exchanges.some((e) => e.operationId === probe.operation && e.probe === undefined && formatOf(e) === probe.format), `${probe.operation} ${probe.format}`).toBe(true);
    }
    if (probe.kind === 'unknown-id') {
      const asked = exchanges.filter((e) => e.operationId === probe.operation && e.probe === 'unknown-id');
      // Once in each representation: XML, then JSON.
      expect(asked.map((e) => [e.response?.status, e.request.headers.accept]), probe.operation).toEqual([[probe.status, builtinModel.api.mediaType], [probe.status, 'application/json']]);
    }
  }
});

it('samples K items of each collection, each in every format of its item operation', async () => {
  const samples = planProbes(builtinModel).probes.filter((p) => p.kind === 'sample');
  expect(samples.length).toBeGreaterThan(0);
  // Every sampled item operation, with the collections it starts from: not the queries, which sample nothing.
  const sampled = new Set(samples.map((p) => p.operation));
  for (const k of [0, 1, 3, 40]) {
    mock.reset();
    const { exchanges, outcome } = await collect({ ...options(), sample: k, operations: sampled });
    for (const probe of samples) {
      const item = builtinModel.operations[probe.operation]!;
      const n = entityIds(mock.state, item.entity).length;
      const asked = exchanges.filter((e) => e.operationId === probe.operation && e.probe === undefined);
      // The sampled items are read in every format; others may be reached through a link, in its format only.
      const ids = new Set(asked.map((e) => new URL(e.request.url).pathname));
      const inEveryFormat = [...ids].filter((id) => asked.filter((e) => new URL(e.request.url).pathname === id).length >= probe.formats.length);
      expect(inEveryFormat.length, `${probe.operation}, K=${k}, N=${n}`).toBeGreaterThanOrEqual(Math.min(k, n));
      if (k === 0) expect(outcome.skipped).toContainEqual({ operation: probe.operation, reason: 'the sample size is 0' });
    }
  }
});

it('accounts for every operation of the table in the coverage, and reports the wrong-password check skipped on a live server', async () => {
  const report = await runConformance({ ...options(), targets: ['server'] });
  const coverage = report.coverage.server!;
  expect(coverage.operations.map((o) => o.operation)).toEqual(operations.map((o) => o.id));
  expect(coverage.checked + coverage.skipped).toBe(operations.length);
  for (const o of coverage.operations) if (o.status === 'skipped') expect(o.reason, o.operation).not.toBe('');
  for (const o of operations.filter((op) => op.method !== 'GET' && op.id !== protocol.logon && op.id !== protocol.logoff)) {
    expect(coverage.operations.find((c) => c.operation === o.id)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('changes state') });
  }
  expect(report.results.find((r) => r.check === 'auth.wrong-password')).toMatchObject({ status: 'skipped', message: expect.stringContaining('--probe-bad-password') });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  expect(report.results.some((r) => r.check === 'status.unknown-id' && r.status === 'passed')).toBe(true);
});

it('logs off when a check throws, and reports the check as failed', async () => {
  const throwing = { id: 'test.throws', scope: 'exchange' as const, title: 'throws', run: () => { throw new Error('boom'); } };
  const report = await runConformance({ ...options(), targets: ['server'], checks: { server: [...serverChecks, throwing] }, include: [...frameOnly] });
  expect(report.results.find((r) => r.check === 'test.throws')).toMatchObject({ status: 'failed', message: 'the check threw Error: boom' });
  expect(logoffsOf(mock)).toHaveLength(1);
  expect(mock.state.logons.size).toBe(0);
});

it('logs off when the progress reporter throws mid-run, then rethrows', async () => {
  let seen = 0;
  const onExchange = (e: Exchange) => {
    if (e.operationId === protocol.authProbe && ++seen === 3) throw new Error('reporter failed');
  };
  await expect(runServerTarget(options(), onExchange)).rejects.toThrow('reporter failed');
  expect(logoffsOf(mock)).toHaveLength(1);
  expect(mock.state.logons.size).toBe(0);
});

it('logs off when interrupted, stops asking, and says it was interrupted', async () => {
  const controller = new AbortController();
  const onExchange = (e: Exchange) => void (e.operationId === protocol.logonSession && controller.abort());
  const run = runServerTarget({ ...options(), signal: controller.signal }, onExchange);
  await expect(run).rejects.toThrow(RunInterruptedError);
  await expect(run).rejects.toMatchObject({ loggedOff: true });
  // The entry point in XML and JSON, the logon, its logon session in XML (the abort comes before the JSON read), the logoff.
  expect(mock.received.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'GET', 'DELETE']);
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

it('reports a logon answered 200 instead of 201 as a failed check, carries on, and logs off the session it got', async () => {
  const logonPath = (p: string) => p.startsWith(new URL(builtinModel.operations[protocol.logon]!.path.replace(/^\//, ''), `${mock.url}${builtinModel.api.basePath}/`).pathname);
  const proxy = await startProxy(mock.url, (r) => (r.method === 'POST' && logonPath(r.path) && r.status === successOf(builtinModel.operations[protocol.logon]!).status ? { status: 200 } : {}));
  try {
    const report = await runConformance({ ...options(), baseUrl: proxy.url, targets: ['server'], include: [...frameOnly] });
    expect(report.results.filter((r) => r.status === 'failed').map((r) => r.check)).toContain('auth.logon');
    expect(report.coverage.server!.checked).toBeGreaterThan(2);
    expect(proxy.received.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(mock.state.logons.size).toBe(0);
  } finally {
    await proxy.close();
  }
});

it('reports a logon without the session header as a failed check, and asks nothing that needs a session', async () => {
  const proxy = await startProxy(mock.url, (r) => {
    if (r.method !== 'POST') return {};
    r.headers.delete(builtinModel.api.sessionHeader);
    return { headers: r.headers };
  });
  try {
    const report = await runConformance({ ...options(), baseUrl: proxy.url, targets: ['server'] });
    expect(report.results.find((r) => r.check === 'auth.logon')).toMatchObject({ status: 'failed' });
    // The entry point in XML and JSON, then the logon.
    expect(proxy.received.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
    const skipped = report.coverage.server!.operations.filter((o) => o.status === 'skipped');
    expect(skipped.length).toBe(operations.length - 2);
    for (const o of skipped) expect(o.reason).toContain(CHANGES_STATE_OPS.has(o.operation) ? CHANGES_STATE : 'no session');
  } finally {
    mock.state.logons.clear();
    await proxy.close();
  }
});

it('never follows a link to an unsafe request: another origin, an action, another session', async () => {
  const elsewhere = await startProxy(mock.url);
  let otherSession = '';
  const proxy = await startProxy(mock.url, (r) => {
    if (r.method !== 'GET' || r.status !== 200) return {};
    const moved = r.body
      // the backup servers on another origin
      .replace(/Href="http:\/\/127\.0\.0\.1:\d+(\/api\/backupServers\/)/g, `Href="${elsewhere.url}$1`)
      // the alternates of the sessions: actions and another session's logoff path
      .replace(/(<Link[^>]*Rel="Alternate"[^>]*Href=")[^"]*(")/, `$1${mock.url}/api/cloud/failoverSessions/x?action=start$2`)
      .replace(/(<Link[^>]*Href=")([^"]*\/api\/logonSessions\/)[^"]*(")/g, (_all, a: string, b: string, c: string) => `${a}${b}${otherSession}${c}`);
    return { body: moved };
  });
  try {
    const other = await fetch(new URL(`${builtinModel.api.basePath}${builtinModel.operations[protocol.logon]!.path}`, mock.url), { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64')}` } });
    otherSession = [...mock.state.logons.values()].at(-1)!.id;
    void other.arrayBuffer();
    mock.reset();
    const report = await runConformance({ ...options(), baseUrl: proxy.url, targets: ['server'] });
    const unsafe = proxy.received.filter((r) => (r.method !== 'GET' && r.method !== 'POST' && r.method !== 'DELETE') || r.url.includes('action='));
    expect(unsafe).toEqual([]);
    expect(proxy.received.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(proxy.received.filter((r) => r.method === 'DELETE').map((r) => r.url)).not.toContain(`/api/logonSessions/${otherSession}`);
    expect(proxy.received.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(elsewhere.received).toEqual([]);
    const coverage = report.coverage.server!.operations;
    const foreign = coverage.filter((o) => (o.status === 'skipped' ? o.reason : o.status === 'checked' ? (o.notes ?? []).join() : '').includes('another origin'));
    expect(foreign.length).toBeGreaterThan(0);
    expect(report.results.some((r) => r.check === 'links.origin' && r.status === 'warning')).toBe(true);
  } finally {
    mock.state.logons.clear();
    await proxy.close();
    await elsewhere.close();
  }
});

it('follows the links on an origin declared the same server, sending them to the base URL', async () => {
  const proxy = await startProxy(mock.url, (r) => ({ body: r.body.replace(/Href="http:\/\/127\.0\.0\.1:\d+(\/api\/backupServers\/)/g, 'Href="https://em-alias.vbem.test:9398$1') }));
  try {
    const report = await runConformance({ ...options(), baseUrl: proxy.url, targets: ['server'], sameOrigins: ['https://em-alias.vbem.test:9398'] });
    const linked = operations.filter((o) => o.path.startsWith('/backupServers/') && o.method === 'GET');
    for (const o of linked) expect(report.coverage.server!.operations.find((c) => c.operation === o.id)).toMatchObject({ status: 'checked' });
    expect(report.results.filter((r) => r.check === 'links.origin' && r.status === 'warning')).toEqual([]);
  } finally {
    await proxy.close();
  }
});

it('sends a state-changing operation only to the built-in fake: the action once, its Task polled until not Running, then the Related link', async () => {
  const actions = operations.filter((op) => CHANGES_STATE_OPS.has(op.id));
  expect(actions.length).toBeGreaterThan(0);
  // The actions, with the reads of the entities they act on.
  const chosen = new Set(actions.map((op) => op.id));
  const live = await collect({ ...options(), operations: chosen });
  expect(mock.received.filter((r) => r.method !== 'GET' && r.method !== 'DELETE' && !r.url.startsWith(builtinModel.api.basePath + builtinModel.operations[protocol.logon]!.path))).toEqual([]);
  for (const op of actions) expect(live.outcome.skipped).toContainEqual({ operation: op.id, reason: CHANGES_STATE });
  mock.reset();

  const fake = await collect({ ...options(), allowWrites: true, operations: chosen });
  for (const op of actions) {
    const sent = fake.exchanges.filter((e) => e.operationId === op.id);
    expect(sent, op.id).toHaveLength(1);
    expect(fake.outcome.skipped.map((s) => s.operation)).not.toContain(op.id);
  }
  // Every task the actions started was read until it finished, and what a finished task created was fetched.
  for (const task of mock.state.tasks.values()) {
    const reads = fake.exchanges.filter((e) => e.operationId === protocol.task && e.request.url.includes(`/${task.id}`));
    expect(reads.length, task.id).toBeGreaterThan(0);
    expect(reads.at(-1)!.response?.body).not.toContain('<State>Running</State>');
    if (task.related) expect(fake.exchanges.some((e) => e.request.url.includes(task.related!.id))).toBe(true);
  }
});
