import { builtinModel, successOf } from '@vbem/models';
import { expect, it } from 'vitest';
import { clientChecks } from '../checks/client-checks.js';
import { serverChecks } from '../checks/server-checks.js';
import { UsageError } from '../errors.js';
import { isItem, protocolIds } from '../targets/operation-kinds.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { globRegExp } from './glob.js';
import { coverageLine } from './run-report.js';
import { runConformance } from './run-conformance.js';
import { selectChecks, selectOperations } from './selection.js';

const model = builtinModel;
const operations = Object.values(model.operations);
const everyCheck = [...new Set([...serverChecks, ...clientChecks].map((c) => c.id))];

it.each([
  ['query.*', 'query.paging', true],
  ['query.*', 'queryXpaging', false],
  ['*Parts', 'listWidgetParts', true],
  ['get?idget', 'getWidget', true],
  ['get?idget', 'getWidgets', false],
  ['a+b', 'a+b', true],
  ['a+b', 'aab', false],
])('the glob %s matches %s: %s', (glob, name, matches) => {
  expect(globRegExp(glob).test(name)).toBe(matches);
});

it('an include by resource takes every operation of that resource, and an exclude takes one back out', () => {
  const resource = operations.find((o) => operations.filter((p) => p.resource === o.resource).length > 1)!.resource;
  const ofResource = operations.filter((o) => o.resource === resource).map((o) => o.id);
  expect(selectOperations(model, { include: [resource] })).toEqual(new Set(ofResource));
  expect(selectOperations(model, { include: [`${resource.slice(0, -1)}*`] })).toEqual(new Set(operations.filter((o) => o.resource.startsWith(resource.slice(0, -1)) || o.id.startsWith(resource.slice(0, -1))).map((o) => o.id)));
  expect(selectOperations(model, { include: [resource], exclude: [ofResource[0]!] })).toEqual(new Set(ofResource.slice(1)));
  expect(selectOperations(model, { exclude: ['*'] })).toEqual(new Set());
  expect(selectOperations(model, {})).toBeUndefined();
});

it.each([
  ['include', { include: ['noSuchOperation*'] }, 'include (--include)'],
  ['exclude', { exclude: ['noSuchOperation'] }, 'exclude (--exclude)'],
  ['includeChecks', { includeChecks: ['no.such.*'] }, 'includeChecks (--checks)'],
  ['excludeChecks', { excludeChecks: ['no-such-check'] }, 'excludeChecks (--exclude-checks)'],
])('an %s that names nothing is a usage error naming it, before any request is sent', async (_name, patterns, option) => {
  const mock = await startObservedMock(1);
  try {
    const error = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, ...patterns }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).option).toBe(option);
    expect((error as Error).message).toContain(`'${Object.values(patterns)[0]![0]}'`);
    expect(mock.received).toEqual([]);
  } finally {
    await mock.close();
  }
});

it('a check id names that check alone, on whichever target has it, and leaves every other check out', () => {
  for (const id of everyCheck) {
    const { checks, leftOut } = selectChecks({ server: serverChecks, client: clientChecks }, { include: [id] });
    expect([...checks.server, ...checks.client].map((c) => c.id)).toEqual(expect.arrayContaining([id]));
    expect(new Set([...checks.server, ...checks.client].map((c) => c.id))).toEqual(new Set([id]));
    expect(leftOut).toEqual(everyCheck.filter((c) => c !== id));
  }
});

it('judges only the item operation an include names, reading its collection for ids unjudged, and leaves the rest out by choice', async () => {
  const protocol = protocolIds(model);
  const item = operations.find((o) => isItem(o) && !protocol.has(o.id) && operations.some((c) => c.id !== o.id && c.entity === o.entity && c.params.length === 0))!;
  const mock = await startObservedMock(3);
  try {
    const report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'], include: [item.id], keepExchanges: true });
    expect(report.results.length).toBeGreaterThan(0);
    expect(new Set(report.results.map((r) => r.operation))).toEqual(new Set([item.id]));
    const coverage = report.coverage.server!;
    expect(coverage.operations.find((o) => o.operation === item.id)).toMatchObject({ status: 'checked' });
    expect(coverage).toMatchObject({ total: operations.length, checked: 1, skipped: 0, leftOut: operations.length - 1 });
    expect(coverageLine(coverage)).toBe(`1 of ${operations.length} operations checked, 0 skipped, ${operations.length - 1} left out by choice`);
    // Sent for the run's needs (the frame, the collection), recorded without a verdict.
    const server = report.exchanges!.server!;
    expect(server.filter((j) => j.exchange.operationId === item.id).every((j) => j.results.length > 0)).toBe(true);
    expect(server.filter((j) => j.exchange.operationId !== item.id).every((j) => j.results.length === 0)).toBe(true);
    // The sampled items were read (the collection was sent for their ids), not only the unknown-id probe.
    expect(server.filter((j) => j.exchange.operationId === item.id && j.exchange.response?.status === successOf(item).status).length).toBeGreaterThan(0);
    // Nothing of an operation left out is sent but what the chosen one starts from.
    const sentOps = new Set(server.map((j) => j.exchange.operationId));
    expect(sentOps.size).toBeLessThan(operations.length / 2);
  } finally {
    await mock.close();
  }
}, 300_000);

it('runs only the checks an include of check ids names, on both targets, and reports the others left out by choice', async () => {
  const prefix = serverChecks.find((c) => c.id.includes('.'))!.id.split('.')[0]!;
  const clientCheck = clientChecks[0]!.id;
  const wanted = (id: string) => id.startsWith(`${prefix}.`) || id === clientCheck;
  const report = await runConformance({ includeChecks: [`${prefix}.*`, clientCheck], include: [model.api.protocol.authProbe], keepExchanges: true });
  expect(report.results.length).toBeGreaterThan(0);
  expect(report.results.every((r) => wanted(r.check))).toBe(true);
  expect(new Set(report.results.map((r) => r.target))).toEqual(new Set(['server', 'client']));
  expect(report.checksLeftOut).toEqual(everyCheck.filter((id) => !wanted(id)));
  // The client target is called for the chosen operation only (and the entry point, logon, logoff and links it follows).
  expect(report.coverage.client).toMatchObject({ checked: 1, leftOut: operations.length - 1 });
  expect(new Set(report.exchanges!.client!.map((j) => j.exchange.operationId)).size).toBeLessThan(operations.length / 2);
}, 300_000);

it('runs no target none of whose checks was chosen, and refuses a choice that leaves no target to run', async () => {
  const clientOnly = clientChecks.map((c) => c.id).filter((id) => !serverChecks.some((s) => s.id === id));
  const report = await runConformance({ includeChecks: clientOnly, include: [model.api.protocol.authProbe] });
  expect(report.coverage.server).toBeUndefined();
  expect(report.requests.server).toBeUndefined();
  expect(report.coverage.client).toMatchObject({ checked: 1 });
  const mock = await startObservedMock(1);
  try {
    const error = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, includeChecks: clientOnly }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`'${clientOnly[0]}'`);
    expect(mock.received).toEqual([]);
  } finally {
    await mock.close();
  }
}, 300_000);
