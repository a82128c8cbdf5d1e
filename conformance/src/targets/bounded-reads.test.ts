import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { builtinModel as model, operationUrl } from '@vbem/models';
import { createHandlers, createMockState, nodeListener, type MockState } from '@vbem/mock';
import { afterEach, expect, it } from 'vitest';
import { RunInterruptedError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import { TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { runServerTarget } from './server-target.js';

// A server that misbehaves on one collection, and is the fake everywhere else.
const victim = Object.values(model.operations).find((op) => op.method === 'GET' && op.entity && op.params.length === 0 && op.id !== model.api.protocol.authProbe && !op.query.some((q) => q.const))!;
type Misbehave = (res: ServerResponse) => void;

let server: Server | undefined;
let state: MockState;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(misbehave: Misbehave): Promise<string> {
  state = createMockState({ entities: 2, users: { [TEST_USER]: TEST_PASSWORD } });
  const fake = nodeListener(createHandlers(state));
  const path = operationUrl('http://x', victim, {}, {}, model).pathname;
  server = createServer((req: IncomingMessage, res: ServerResponse) => (new URL(req.url ?? '/', 'http://x').pathname === path ? misbehave(res) : fake(req, res)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const drip: Misbehave = (res) => {
  res.writeHead(200, { 'content-type': model.api.mediaType });
  res.write(`<EntityReferences xmlns="${model.api.namespace}">`);
  const timer = setInterval(() => res.write(' '), 50);
  res.on('close', () => clearInterval(timer));
};

const run = async (baseUrl: string, extra: Partial<Parameters<typeof runServerTarget>[0]> = {}) => {
  const exchanges: Exchange[] = [];
  await runServerTarget({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1, timeoutMs: 1500, ...extra }, (e) => void exchanges.push(e));
  return exchanges.filter((e) => e.operationId === victim.id && e.probe === undefined);
};

it('fails the exchange of a body that drips past the time limit, goes on, and logs off', async () => {
  const victims = await run(await serve(drip));
  expect(victims.length).toBeGreaterThan(0);
  for (const e of victims) expect(e.error).toMatch(/still arriving when (the read|its request) (was )?stopped/);
  expect(state.logons.size).toBe(0);
}, 300_000);

it('cuts a list body longer than its byte limit, and an inflating gzip bomb, at the limit: not judged, not failed', async () => {
  const big: Misbehave = (res) => {
    res.writeHead(200, { 'content-type': model.api.mediaType });
    res.end(`<EntityReferences xmlns="${model.api.namespace}">${' '.repeat(1 << 20)}</EntityReferences>`);
  };
  const cut = await run(await serve(big), { maxListBodyBytes: 64 * 1024 });
  expect(cut.length).toBeGreaterThan(0);
  for (const e of cut) {
    expect(e.error).toBeUndefined();
    expect(e.bodyNotJudged).toBe('not judged: larger than maxListBodyBytes (--max-list-body-bytes) (65536 bytes)');
    expect(e.response?.bodyBytes).toBe(64 * 1024);
  }
  await new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve())));
  const bomb = gzipSync(Buffer.alloc(32 << 20));
  const gzip: Misbehave = (res) => {
    res.writeHead(200, { 'content-type': model.api.mediaType, 'content-encoding': 'gzip', 'content-length': String(bomb.byteLength) });
    res.end(bomb);
  };
  const bombed = await run(await serve(gzip), { maxListBodyBytes: 64 * 1024 });
  expect(bombed.length).toBeGreaterThan(0);
  for (const e of bombed) expect(e.bodyNotJudged).toMatch(/^not judged: larger than maxListBodyBytes .*\(65536 bytes; Content-Length: \d+\)$/);
  expect(state.logons.size).toBe(0);
}, 300_000);

it('reads a list body past the single-entity limit whole, under the list limit', async () => {
  const big: Misbehave = (res) => {
    res.writeHead(200, { 'content-type': model.api.mediaType });
    res.end(`<EntityReferences xmlns="${model.api.namespace}">${' '.repeat(1 << 20)}</EntityReferences>`);
  };
  const read = await run(await serve(big), { maxBodyBytes: 64 * 1024 });
  expect(read.length).toBeGreaterThan(0);
  for (const e of read) {
    expect(e.bodyNotJudged).toBeUndefined();
    expect(e.response?.bodyBytes).toBeGreaterThan(1 << 20);
  }
}, 300_000);

it('ends a run promptly when it is stopped during a dripping body, and logs off first', async () => {
  const baseUrl = await serve((res) => {
    drip(res);
    setTimeout(() => controller.abort(), 100);
  });
  const controller = new AbortController();
  await expect(run(baseUrl, { timeoutMs: 60_000, signal: controller.signal })).rejects.toBeInstanceOf(RunInterruptedError);
  expect(state.logons.size).toBe(0);
}, 300_000);
