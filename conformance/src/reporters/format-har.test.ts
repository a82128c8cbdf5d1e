import { Ajv } from 'ajv';
import { builtinModel, mediaTypeOf, type Representation } from '@vbem/models';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runConformance } from '../runner/run-conformance.js';
import type { RunReport } from '../runner/run-report.js';
import { harSchema } from '../test-support/har-schema.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { formatHar } from './format-har.js';

interface HarEntry {
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { mimeType: string; text: string } };
  response: { status: number; content: { text?: string; mimeType: string } };
  _vbem: { target: string; operation: string; representation?: Representation; checks: { check: string; status: string; message: string }[] };
}
interface Har {
  log: { version: string; creator: { name: string; version: string }; entries: HarEntry[] };
}

const validateHar = new Ajv({ allErrors: true, strict: true }).compile(harSchema);

let mock: ObservedMock;
let report: RunReport;
let text: string;

beforeAll(async () => {
  mock = await startObservedMock(3);
  report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'], probeBadPassword: true, keepExchanges: true });
  text = formatHar(report);
}, 300_000);
afterAll(() => mock.close());

it('writes a HAR that validates against the HAR 1.2 schema', () => {
  const har = JSON.parse(text) as Har;
  expect(validateHar(har), JSON.stringify(validateHar.errors?.slice(0, 3))).toBe(true);
  expect(har.log.creator.name).toBe('@vbem/conformance');
});

it('holds one entry per request the fake received, in order, with the body it answered', () => {
  const { entries } = (JSON.parse(text) as Har).log;
  // The run's own logon session id is a secret: its URLs are recorded with it redacted.
  const redacted = (url: string) => mock.logons.reduce((u, l) => u.replaceAll(l.id, '[redacted]'), url);
  expect(entries.map((e) => `${e.request.method} ${decodeURI(new URL(e.request.url).pathname)}${new URL(e.request.url).search}`)).toEqual(mock.received.map((r) => `${r.method} ${redacted(r.url)}`));
  expect(entries.length).toBe(report.requests.server);
  const list = entries.find((e) => e.request.method === 'GET' && e.response.status === 200 && (e.response.content.text ?? '').includes('<'))!;
  expect(list.response.content.mimeType.startsWith(builtinModel.api.mediaType)).toBe(true);
});

it("carries each exchange's check verdicts in _vbem, every verdict of the run on the exchange it judged", () => {
  const { entries } = (JSON.parse(text) as Har).log;
  const verdicts = entries.flatMap((e) => e._vbem.checks.map((c) => `${c.check} ${c.status} ${e._vbem.operation} ${e.request.method} ${e.request.url} ${c.message}`));
  expect(verdicts.sort()).toEqual(report.results.map((r) => `${r.check} ${r.status} ${r.operation} ${r.request.method} ${r.request.url} ${r.message}`).sort());
  expect(entries.every((e) => e._vbem.target === 'server')).toBe(true);
});

it('holds no password, session token or logon session id, in any form', () => {
  expect(mock.logons.length).toBeGreaterThan(0);
  const basic = Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64');
  for (const secret of [TEST_PASSWORD, encodeURIComponent(TEST_PASSWORD), Buffer.from(TEST_PASSWORD).toString('base64'), basic, ...mock.logons.flatMap((l) => [l.token, l.id, Buffer.from(l.id).toString('base64')])]) {
    expect(text).not.toContain(secret);
  }
  const logon = (JSON.parse(text) as Har).log.entries.find((e) => e._vbem.operation === builtinModel.api.protocol.logon && e.response.status < 300)!;
  expect(logon.request.headers).toContainEqual({ name: 'authorization', value: 'Basic [redacted]' });
  expect(logon.response.content.text).toContain('[redacted]');
});

it("records each action's documented request body as postData (the built-in fake's run, both targets)", async () => {
  const actions = Object.values(builtinModel.operations).filter((o) => o.task !== undefined).map((o) => o.id);
  const run = await runConformance({ include: actions, sample: 1, keepExchanges: true });
  const har = JSON.parse(formatHar(run)) as Har;
  expect(validateHar(har), JSON.stringify(validateHar.errors?.slice(0, 3))).toBe(true);
  expect(new Set(har.log.entries.map((e) => e._vbem.target))).toEqual(new Set(['server', 'client']));
  const examples = builtinModel.examples.filter((e) => e.request === true && e.operation !== undefined && actions.includes(e.operation));
  expect(examples.length).toBeGreaterThan(0);
  for (const example of examples) {
    const sent = har.log.entries.filter((e) => e._vbem.operation === example.operation && e._vbem.target === 'server');
    expect(sent.length).toBeGreaterThan(0);
    for (const entry of sent) expect(entry.request.postData).toEqual({ mimeType: builtinModel.api.mediaType, text: example.xml });
  }
  // The client target's actions, once by each client: each body sent in the media type of the client's representation.
  const posted = har.log.entries.filter((e) => e._vbem.target === 'client' && e.request.postData !== undefined);
  expect(new Set(posted.map((e) => e._vbem.representation))).toEqual(new Set(['xml', 'json']));
  for (const entry of posted) expect(entry.request.postData!.mimeType, entry.request.url).toContain(mediaTypeOf(builtinModel, entry._vbem.representation!));
}, 300_000);

it('keeps no exchange in the report unless asked (a large run would hold every body to its end)', async () => {
  const run = await runConformance({ include: [builtinModel.api.protocol.authProbe], sample: 1, targets: ['server'] });
  expect(run.requests.server).toBeGreaterThan(0);
  expect(run.exchanges).toBeUndefined();
});
