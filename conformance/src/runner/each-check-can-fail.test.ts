import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, decode, encode, matchOperation, operations, operationUrl, type OperationSpec } from '@vbem/models';
import { jsonStyles, type Fault } from '@vbem/mock';
import { expect, it, vi } from 'vitest';
import { clientChecks } from '../checks/client-checks.js';
import { serverChecks } from '../checks/server-checks.js';
import type { Exchange } from '../exchange.js';
import { paramOf, queryParamsOf } from '../query-facts.js';
import { Redactor } from '../redactor.js';
import { isQuery } from '../targets/plan-probes.js';
import { ASK_JSON, documentedExchange, documentedJsonExchange, example, exchangeOf } from '../test-support/exchange-of.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { judgeTarget } from './judge-target.js';
import { runConformance } from './run-conformance.js';
import type { TargetName } from './run-report.js';

// Some tests run the whole suite over every operation of the spec: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

/** Checks that judge what is not ours to fix (links elsewhere, the user's XSD) only warn: for them, "fail" is a warning. */
const WARNING_ONLY = new Set(['links.origin', 'xsd', 'data.rules', 'json.casing']);
const notPassed = (id: string) => (WARNING_ONLY.has(id) ? 'warning' : 'failed');

/**
 * The operations a broken fake's run is narrowed to (`include`), besides its frame (entry point,
 * logon, logon session, logoff: sent in every run, judged here too): those the case names, else those
 * it put a fault on; when it broke the whole server (no fault, or one on every operation), the
 * operation the authentication probes ask and the query operation with the most fields. What the chosen operations
 * start from is sent as well (the collection of a sampled item): a case costs a few operations'
 * requests, not the whole table's, however large the spec grows.
 */
const concernedBy = (m: ObservedMock, named?: readonly string[]): string[] => {
  const { entryPoint, logon, logonSession, logoff, authProbe } = api.protocol;
  const faulted = Object.keys(m.faults);
  // The query with the most fields, so filtering and sorting each have fields of several kinds to work on.
  const queries = Object.values(operations as Record<string, OperationSpec>).filter(isQuery);
  const width = (op: OperationSpec) => Object.keys(op.queryFields ?? {}).length;
  const richest = queries.reduce((a, b) => (width(b) > width(a) ? b : a));
  const wholeServer = [authProbe, richest.id];
  const concerned = named ?? (faulted.length === 0 || faulted.length === Object.keys(operations).length ? wholeServer : faulted);
  return [...new Set([entryPoint, logon, logonSession, logoff, ...concerned])];
};

/**
 * Runs the server target against a fake of the test's own, broken by `breakIt`, on the operations it
 * concerns (`concernedBy`; `only: 'all'` for the whole table); the fake is closed afterwards.
 */
async function runAgainstBrokenFake(breakIt: (m: ObservedMock) => void, extra: { xsdFile?: string; only?: readonly string[] | 'all' } = {}) {
  const mock = await startObservedMock(6);
  try {
    breakIt(mock);
    const { only, ...rest } = extra;
    // A case that names its operations (a link between two of them) reads every item of them: its links reach what they name whichever items come first.
    const sample = Array.isArray(only) ? 1000 : 2;
    const report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample, targets: ['server'], ...(only === 'all' ? {} : { include: concernedBy(mock, only) }), ...rest });
    const closed = mock.received.filter((r) => r.method === 'DELETE').map((r) => r.url);
    for (const logon of mock.logons) expect(closed.some((url) => url.includes(logon.id)), `logon ${logon.id} closed`).toBe(true);
    return report;
  } finally {
    await mock.close();
  }
}

/** An XSD that declares no element of the API's namespace: every body departs from it. */
async function xsdAcceptingNothing(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'vbem-xsd-')), 'nothing.xsd');
  await writeFile(file, `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${api.namespace}" elementFormDefault="qualified"><xs:element name="Nothing" type="xs:string"/></xs:schema>\n`);
  return file;
}

const otherOrigin = (xml: string) => xml.replaceAll(/Href="https?:\/\/[^/"]+/g, 'Href="https://elsewhere.test:9398');

/** The query-service operation a URL asks, if it asks one. */
const queryOf = (url: URL): OperationSpec | undefined => {
  const op = matchOperation('GET', url)?.operation;
  return op && isQuery(op) ? op : undefined;
};
/** A transform of the query service's answers only: the request's URL, or the body. */
const onQueries = (how: { request?: (url: URL, op: OperationSpec) => URL; body?: (xml: string, requested: URL) => string }) => ({
  request: (url: URL) => (queryOf(url) && how.request ? how.request(url, queryOf(url)!) : url),
  body: (xml: string, requested: URL) => (queryOf(requested) && how.body ? how.body(xml, requested) : xml),
});
/** Each page past the first answered with the one before it (PageNum kept as asked): pages overlap. */
const overlappingPages = onQueries({
  request: (url, op) => {
    const name = queryParamsOf(op).page!;
    const page = Number(paramOf(url, name) ?? 1);
    if (page > 1) url.searchParams.set(name, String(page - 1));
    return url;
  },
  body: (xml, requested) => {
    const page = paramOf(requested, queryParamsOf(queryOf(requested)!).page);
    return page === undefined ? xml : xml.replace(/PageNum="\d+"/, `PageNum="${page}"`);
  },
});
const withoutFilter = onQueries({ request: (url, op) => (url.searchParams.delete(queryParamsOf(op).filter!), url) });
const sortReversed = onQueries({
  request: (url, op) => {
    const { sortAsc, sortDesc } = queryParamsOf(op);
    const [asc, desc] = [paramOf(url, sortAsc), paramOf(url, sortDesc)];
    url.searchParams.delete(sortAsc!);
    url.searchParams.delete(sortDesc!);
    if (asc !== undefined) url.searchParams.set(sortDesc!, asc);
    if (desc !== undefined) url.searchParams.set(sortAsc!, desc);
    return url;
  },
});

/** Violations served by the fake over real HTTP, judged by a conformance run on the operations they concern (or those named). */
const faultCases: [violation: string, check: string, breakIt: (m: ObservedMock) => void, only?: readonly string[]][] = [
  ['wrong content type', 'headers.content-type', (m) => (m.faults.listCloudFailoverSessions = { contentType: 'text/html; charset=utf-8' })],
  ['missing Content-Length', 'headers.content-length', (m) => (m.faults.getCloudFailoverSession = { omitContentLength: true })],
  ['wrong namespace', 'body.namespace', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'wrong-namespace' })],
  ['wrong root', 'body.root', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'wrong-root' })],
  ['a missing UID', 'uid.form', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'missing-uid' })],
  ['a malformed UID', 'uid.form', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'malformed-uid' })],
  ['a missing Alternate link', 'links.documented', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'missing-alternate-link' })],
  ['a broken Alternate link', 'links.alternate', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'broken-alternate-link' }), ['listCloudFailoverSessions', 'getCloudFailoverSession']],
  ['auth not enforced', 'auth.no-session', (m) => (m.auth.enforce = false)],
  ['an invalid session accepted', 'auth.invalid-session', (m) => (m.auth.enforce = false)],
  ['logoff not enforced', 'auth.after-logoff', (m) => (m.auth.logoffEnforced = false)],
  ['a logoff answered 200', 'auth.logoff', (m) => (m.faults.logoff = { status: 200 })],
  ['a 500', 'status.documented', (m) => (m.faults.getCloudFailoverSession = { status: 500 })],
  ['an unknown id answered 200', 'status.unknown-id', (m) => (m.faults.getCloudFailoverSession = { status: 200 })],
  ['a documented 404 for a plain call', 'status.expected', (m) => (m.faults.getBackupServer = { status: 404 })],
  ['an Up link to a missing backup server', 'links.up', (m) => (m.faults.getBackupServer = { status: 404 }), ['listCloudFailoverSessions', 'getBackupServer']],
  ['hrefs on another origin', 'links.origin', (m) => (m.faults.listCloudFailoverSessions = { mutate: otherOrigin })],
  ['a truncated body', 'body.xml', (m) => (m.faults.listCloudFailoverSessions = { truncate: true })],
  ['swapped element order', 'body.shape', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'swapped-element-order' })],
  ['a bad date', 'body.shape', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'bad-date' })],
  ['a running session with an end time', 'data.rules', (m) => (m.faults.getCloudFailoverSession = { mutate: (xml) => xml.replace(/<State>\w+<\/State>/, '<State>Working</State>') })],
  ['a reset connection', 'transport', (m) => (m.faults.getBackupServer = { reset: true })],
  ['a PagesCount one too many', 'query.paging', (m) => (m.transform = onQueries({ body: (xml) => xml.replace(/PagesCount="(\d+)"/, (_, n: string) => `PagesCount="${Number(n) + 1}"`) }))],
  ['no Next link on a page that has one', 'query.paging', (m) => (m.transform = onQueries({ body: (xml) => xml.replace(/<Link\b[^>]*\bRel="Next"[^>]*\/>/g, '') }))],
  ['pages that overlap', 'query.paging', (m) => (m.transform = overlappingPages)],
  ['a filter ignored', 'query.filter', (m) => (m.transform = withoutFilter)],
  ['sortAsc and sortDesc swapped', 'query.sort', (m) => (m.transform = sortReversed)],
  ['an entry point whose logon links name no version', 'entry.versions', (m) => (m.faults[api.protocol.entryPoint] = { mutate: (xml) => xml.replaceAll(/\?v=v1_\d+/g, '') })],
  ['an Error body with another StatusCode', 'error.status-code', (m) => (m.faults.listCloudFailoverSessions = { mutate: (xml, c) => (c.status >= 400 ? xml.replace(`"${c.status}"`, '"200"') : xml) })],
];

it.each(faultCases)('%s makes %s fail in a run against the fake', async (_violation, check, breakIt, only) => {
  const report = await runAgainstBrokenFake(breakIt, only ? { only } : {});
  const flagged = report.results.filter((r) => r.status === notPassed(check));
  expect(flagged.map((r) => r.check)).toContain(check);
  expect(report.summary.failed).toBe(report.results.filter((r) => r.status === 'failed').length);
});

type Json = Record<string, unknown>;
/** A fault that rewrites the JSON answers of an operation (parsed, edited, written back) and leaves its XML as it is. */
const onJson = (edit: (json: Json) => void): Fault => ({
  mutate: (body, c) => {
    if (c.representation !== 'json' || c.status >= 300) return body;
    const json = JSON.parse(body) as Json;
    edit(json);
    return JSON.stringify(json);
  },
});
const firstRef = (json: Json) => (json.Refs as Json[])[0]!;
/** The same fault on every operation of the model. */
const everyOperation = (m: ObservedMock, fault: Fault) => {
  for (const id of Object.keys(operations)) m.faults[id] = fault;
};

/** Violations of the JSON answers only, served by the fake over real HTTP: the XML of the same requests stays right. */
const jsonFaultCases: [violation: string, check: string, breakIt: (m: ObservedMock) => void][] = [
  ['a JSON property of the wrong type', 'body.shape', (m) => (m.faults.getCloudFailoverSession = { corrupt: 'json-wrong-type' })],
  ['a JSON body without a required property', 'body.shape', (m) => (m.faults.listCloudFailoverSessions = { corrupt: 'json-missing-required' })],
  ['a JSON list not wrapped as documented', 'body.shape', (m) => everyOperation(m, { corrupt: 'json-unwrapped-list' })],
  ['a JSON list sent as its one item', 'body.shape', (m) => everyOperation(m, { corrupt: 'json-array-as-object' })],
  ['a JSON answer cut short', 'body.json', (m) => (m.faults.getCloudFailoverSession = { mutate: (body, c) => (c.representation === 'json' ? body.slice(0, body.length / 2) : body) })],
  ['a JSON answer declared as XML', 'headers.content-type', (m) => (m.faults.getCloudFailoverSession = { contentType: 'application/xml; charset=utf-8' })],
  ['a malformed UID in JSON', 'uid.form', (m) => (m.faults.listCloudFailoverSessions = onJson((json) => (firstRef(json).UID = 'not-a-uid')))],
  ['a JSON answer with another Name than the XML', 'representations.agree', (m) => (m.faults.getCloudFailoverSession = onJson((json) => (json.Name = 'Another plan')))],
  ['JSON keys in camelCase (EM 13)', 'json.casing', (m) => (m.json.casing = 'camelCase')],
];

it.each(jsonFaultCases)('%s makes %s fail on the JSON answers of a run against the fake', async (_violation, check, breakIt) => {
  const report = await runAgainstBrokenFake(breakIt);
  const flagged = report.results.filter((r) => r.status === notPassed(check) && r.check === check);
  expect(flagged.length).toBeGreaterThan(0);
  expect(new Set(flagged.map((r) => r.request.representation))).toEqual(new Set(['json']));
});

it('passes against the fake writing JSON as EM 13 does, with the camelCase warning once', async () => {
  const report = await runAgainstBrokenFake((m) => Object.assign(m.json, jsonStyles['13']), { only: 'all' });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  const casing = report.results.filter((r) => r.check === 'json.casing');
  expect(casing.map((r) => r.status)).toEqual(['warning']);
  expect(casing[0]!.message).toContain('Enterprise Manager 13 changed its JSON keys to camelCase');
  expect(report.api?.jsonCasing).toBe('camelCase');
  expect(report.results.filter((r) => r.check === 'representations.agree' && r.status === 'passed').length).toBeGreaterThan(50);
});

it('a body departing from the given XSD makes xsd warn in a run against the fake', async () => {
  const report = await runAgainstBrokenFake(() => undefined, { xsdFile: await xsdAcceptingNothing() });
  expect(report.results.filter((r) => r.check === 'xsd').map((r) => r.status)).toContain('warning');
});

const base = 'https://em.test:9398';
const list = operationUrl(base, operations.listCloudFailoverSessions).href;
const logon = operationUrl(base, operations.logon).href;
const refused = encode('ErrorBody', { Message: 'Unauthorized', StatusCode: 401 });
const entityFile = 'cloud-failover-session.entity.xml';
const sent = (url: string, requestHeaders: Record<string, string>, method = 'GET') => exchangeOf({ method, url, status: 200, requestHeaders });
const foreign = 'https://elsewhere.test:9398/api/cloud/failoverSessions/475420ee-d045-4493-9869-0a970e08f6f9';

/** Violations no fake serves (a server that forgets a header, a client that misbehaves), as recorded exchanges judged by the runner. */
const exchangeCases: [violation: string, check: string, target: TargetName, exchanges: () => Exchange[]][] = [
  ['a logon answered without the session header', 'auth.logon', 'server', () => [exchangeOf({ method: 'POST', url: logon, status: 201 })]],
  ['a logon answered without its documented headers', 'headers.documented', 'server', () => [documentedExchange('logon-session.tenant.xml')]],
  ['a wrong password refused without the challenge', 'auth.wrong-password', 'server', () => [exchangeOf({ method: 'POST', url: logon, status: 401, body: refused, probe: 'wrong-password' })]],
  [
    'an action answered 200 instead of 202',
    'action.task',
    'server',
    () => {
      const action = Object.values(operations as Record<string, OperationSpec>).find((o) => o.task !== undefined)!;
      const url = operationUrl(base, action, Object.fromEntries(action.params.map((p) => [p.name, '475420ee-d045-4493-9869-0a970e08f6f9'])));
      return [exchangeOf({ method: action.method, url: url.href, status: 200 })];
    },
  ],
  ['an answer asked for in JSON that is XML', 'body.json', 'server', () => [documentedExchange(entityFile, { requestHeaders: ASK_JSON })]],
  ['JSON keys in camelCase', 'json.casing', 'server', () => [documentedJsonExchange(entityFile, { casing: 'camelCase' })]],
  ['a JSON answer whose values differ from the XML', 'representations.agree', 'server', () => [documentedExchange(entityFile), documentedJsonExchange(entityFile, { edit: (json) => (json.Name = 'Another plan') })]],
  ['a request without the session header', 'client.session-header', 'client', () => [sent(list, { accept: api.mediaType })]],
  ['a request accepting */*', 'client.accept', 'client', () => [sent(list, { accept: '*/*', [api.sessionHeader.toLowerCase()]: '[redacted]' })]],
  ['a JSON client asking for XML', 'client.accept', 'client', () => [exchangeOf({ url: list, status: 200, requestHeaders: { accept: api.mediaType, [api.sessionHeader.toLowerCase()]: '[redacted]' }, clientRepresentation: 'json' })]],
  ['Basic credentials on a resource call', 'client.basic-only-on-logon', 'client', () => [sent(list, { accept: api.mediaType, authorization: 'Basic [redacted]' })]],
  ['a request to another origin', 'client.origin', 'client', () => [sent(foreign, { accept: api.mediaType })]],
  [
    'a value other than the body',
    'client.value',
    'client',
    () => [documentedExchange(entityFile, { outcome: { call: 'cloudFailoverSessions.getEntity', value: { ...decode('CloudFailoverSession', example(entityFile).xml), State: 'Working' } } })],
  ],
  ['an error status returned as a value', 'client.error', 'client', () => [exchangeOf({ url: list, status: 503, probe: 'forced-status', outcome: { call: 'cloudFailoverSessions.list', value: { Ref: [] } } })]],
];

it.each(exchangeCases)('%s makes %s fail when the runner judges it', async (_violation, check, target, exchanges) => {
  const { results } = await judgeTarget(
    async (onExchange) => {
      for (const exchange of exchanges()) onExchange(exchange);
    },
    { target, checks: target === 'server' ? serverChecks : clientChecks, origin: base, redactor: new Redactor() },
  );
  expect(results.filter((r) => r.status === notPassed(check)).map((r) => r.check)).toContain(check);
});

it('has a case for every check id, server and client', () => {
  const covered = new Set([...faultCases.map((c) => c[1]), 'xsd', ...exchangeCases.map((c) => c[1]), ...jsonFaultCases.map((c) => c[1])]);
  for (const check of [...serverChecks, ...clientChecks]) expect(covered, `a can-fail case for ${check.id}`).toContain(check.id);
});

it('passes clean against the fake without faults', async () => {
  const report = await runAgainstBrokenFake(() => undefined, { only: 'all' });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  // The fake keeps the spec's rules in the data it generates.
  expect(report.results.filter((r) => r.check === 'data.rules' && r.status !== 'passed')).toEqual([]);
  expect(report.results.filter((r) => r.check === 'data.rules').length).toBeGreaterThan(0);
  expect(report.summary.passed).toBeGreaterThan(100);
});
