import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinModel as model, operationUrl } from '@vbem/models';
import { createHandlers, createMockState, nodeListener, type MockState } from '@vbem/mock';
import { afterEach, expect, it } from 'vitest';
import { formatPretty } from '../reporters/format-pretty.js';
import { TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { runConformance } from './run-conformance.js';

// A server that answers the entry point, the logon and its logon session, then stops answering:
// every other GET (and, when told, the logoff) gets silence or a body that drips forever.
type Stall = (res: ServerResponse) => void;
const silent: Stall = () => undefined;
const drip: Stall = (res) => {
  res.writeHead(200, { 'content-type': model.api.mediaType });
  res.write(`<EntityReferences xmlns="${model.api.namespace}">`);
  const timer = setInterval(() => res.write(' '), 50);
  res.on('close', () => clearInterval(timer));
};

const { protocol } = model.api;
const pathOf = (id: string) => operationUrl('http://x', model.operations[id]!, { id: 'x' }, {}, model).pathname;
const answered = new Set([pathOf(protocol.entryPoint), pathOf(protocol.logon)]);
const logonSessionPrefix = pathOf(protocol.logonSession).replace(/x$/, '');

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serveStalling(stall: Stall, options: { logoffToo?: boolean } = {}) {
  const state: MockState = createMockState({ entities: 2, users: { [TEST_USER]: TEST_PASSWORD } });
  const fake = nodeListener(createHandlers(state));
  const stalled: string[] = [];
  const logoffs: string[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'DELETE') logoffs.push(path);
    const answers = answered.has(path) || (req.method === 'GET' && path.startsWith(logonSessionPrefix)) || (req.method === 'DELETE' && !options.logoffToo);
    if (answers) return fake(req, res);
    stalled.push(`${req.method} ${path}`);
    stall(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, state, stalled, logoffs };
}

// The CLI always passes a stop signal: the time limit must hold beside it. The limit is generous
// enough for the answering requests on a busy machine; the stalled ones end only by it.
const run = (baseUrl: string, extra: Parameters<typeof runConformance>[0] = {}) =>
  runConformance({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1, timeoutMs: 6000, signal: new AbortController().signal, ...extra });

const stopVerdictOf = (report: Awaited<ReturnType<typeof runConformance>>) => report.results.filter((r) => r.status === 'failed' && r.message.includes('the run stopped here'));

it('ends each request to a silent server at the time limit, with a stop signal given, and stops the run after maxTransportFailures in a row, logged off', async () => {
  const stalling = await serveStalling(silent);
  const report = await run(stalling.url, { maxTransportFailures: 2 });
  expect(stalling.stalled).toHaveLength(2);
  const timedOut = report.results.filter((r) => r.check === 'transport' && r.status === 'failed');
  expect(timedOut).toHaveLength(2);
  for (const r of timedOut) expect(r.message).toMatch(/TimeoutError: The operation was aborted due to timeout/);
  const [stop, ...more] = stopVerdictOf(report);
  expect(more).toEqual([]);
  expect(stop).toMatchObject({ check: 'transport.stopped', target: 'server' });
  expect(report.results[0]).toBe(stop);
  expect(formatPretty(report)).toContain(`✗ transport.stopped  ${stop!.operation}`);
  expect(formatPretty(report)).toContain(stop!.message);
  expect(stop!.message).toMatch(/got 2 requests in a row with no complete response \(the last: TimeoutError.*\): the run stopped here, \d+ operations not reached; its session was logged off$/);
  expect(stalling.state.logons.size).toBe(0);
  // What was not run is in the coverage, by operation, with the reason (or the one it had already: a state-changing one).
  const skipped = report.coverage.server!.operations.filter((o) => o.status === 'skipped');
  expect(skipped.filter((o) => o.reason.startsWith('not reached: the run stopped after 2 requests in a row')).length).toBeGreaterThan(0);
  expect(stop!.message).toContain(`the run stopped here, ${skipped.length} operations not reached`);
}, 120_000);

it('ends each request to a dripping server at the time limit and stops the run after 3 in a row by default, logged off', async () => {
  const stalling = await serveStalling(drip);
  const report = await run(stalling.url);
  expect(stalling.stalled).toHaveLength(3);
  const cut = report.results.filter((r) => r.check === 'transport' && r.status === 'failed');
  expect(cut).toHaveLength(3);
  for (const r of cut) expect(r.message).toMatch(/the body was still arriving when (its request|the read) (was )?stopped \(the time limit\)/);
  expect(stopVerdictOf(report)).toHaveLength(1);
  expect(stalling.state.logons.size).toBe(0);
}, 120_000);

it('still sends the logoff when the server stopped answering altogether, and says the session may stay open', async () => {
  const stalling = await serveStalling(silent, { logoffToo: true });
  const report = await run(stalling.url, { maxTransportFailures: 1 });
  expect(stalling.stalled.filter((r) => r.startsWith('GET'))).toHaveLength(1);
  expect(stalling.logoffs).toHaveLength(1);
  expect(stopVerdictOf(report)[0]!.message).toMatch(/its logoff got no answer: the session may stay open until it expires$/);
}, 120_000);

it('refuses a maxTransportFailures that is not a whole number of 1 or more, before sending anything', async () => {
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    await expect(run('http://127.0.0.1:9', { maxTransportFailures: bad })).rejects.toThrow(/maxTransportFailures: expected a whole number of requests, 1 or more/);
  }
});
