import type { ApiModel, OperationSpec, ResponseSpec } from '@vbem/models';
import { builtinModel, operationUrl } from '@vbem/models';
import { UnsafeRequestError } from '../errors.js';
import { assertSafeRequest } from './assert-safe-request.js';
import { expect, it } from 'vitest';
import { CHANGES_STATE, NOT_AN_ACTION, isCollection, isItem, isQuery, planProbes, protocolIds } from './plan-probes.js';

/** A made-up resource family (widgets, their parts, a query and actions) beside the protocol's operations. */
const ok = (formats: string[], body = 'Widget'): ResponseSpec => ({ status: 200, error: false, headers: [], formats: formats.map((format) => ({ format, body, root: body })) });
const errors: ResponseSpec[] = [401, 404].map((status) => ({ status, error: true, headers: [], formats: [{ format: 'default', body: 'Error', root: 'Error' }] }));
const op = (o: Partial<OperationSpec> & Pick<OperationSpec, 'id' | 'method' | 'path'>): OperationSpec => ({
  resource: 'widgets', methods: { default: o.id }, summary: '', docs: '', auth: 'session', params: [], query: [], responses: [ok(['default', 'Entity']), ...errors], ...o,
});
const id = { name: 'id', type: 'guid', optional: false } as const;
const operations: Record<string, OperationSpec> = Object.fromEntries(
  [
    op({ id: 'root', method: 'GET', path: '/', auth: 'none', responses: [ok(['default'])] }),
    op({ id: 'signIn', method: 'POST', path: '/sessions', auth: 'basic', responses: [{ ...ok(['default']), status: 201 }] }),
    op({ id: 'getSignIn', method: 'GET', path: '/sessions/{id}', params: [id] }),
    op({ id: 'signOut', method: 'DELETE', path: '/sessions/{id}', params: [id], responses: [{ status: 204, error: false, headers: [], formats: [] }] }),
    op({ id: 'listWidgets', method: 'GET', path: '/widgets', entity: 'Widget' }),
    op({ id: 'getWidget', method: 'GET', path: '/widgets/{id}', params: [id], entity: 'Widget' }),
    op({ id: 'listWidgetParts', method: 'GET', path: '/widgets/{id}/parts', params: [id], entity: 'Part', responses: [ok(['default'])] }),
    op({ id: 'getPart', method: 'GET', path: '/parts/{name}', params: [{ name: 'name', type: 'string', optional: false }], entity: 'Part', responses: [ok(['default']), ...errors] }),
    op({ id: 'queryWidgets', method: 'GET', path: '/query', entity: 'Widget', query: [{ name: 'type', type: 'string', optional: false, const: 'Widget' }, { name: 'pageSize', type: 'int', optional: true }], responses: [ok(['default', 'Refs'])] }),
    op({ id: 'startWidget', method: 'POST', path: '/widgets/{id}', params: [id], entity: 'Widget', query: [{ name: 'action', type: 'string', optional: false, const: 'start' }], responses: [{ ...ok(['default'], 'Task'), status: 202 }] }),
    op({ id: 'paintWidget', method: 'POST', path: '/widgets/{id}', params: [id], entity: 'Widget', query: [{ name: 'action', type: 'string', optional: false, const: 'paint' }], requestBody: { type: 'PaintSpec', optional: false } }),
    op({ id: 'polishWidget', method: 'POST', path: '/widgets/{id}', params: [id], entity: 'Widget', query: [{ name: 'action', type: 'string', optional: false, const: 'polish' }], requestBody: { type: 'PolishSpec', optional: false } }),
  ].map((o) => [o.id, o]),
);
const model: ApiModel = {
  api: { ...builtinModel.api, protocol: { entryPoint: 'root', logon: 'signIn', logonSession: 'getSignIn', logoff: 'signOut', authProbe: 'listWidgets' } },
  operations,
  xmlMaps: {},
  examples: [{ file: 'paint.xml', type: 'PaintSpec', operation: 'paintWidget', request: true, xml: '<PaintSpec><Colour>red</Colour></PaintSpec>' }],
  linkTargets: {},
};
const fixedId = (p: { type: string }) => (p.type === 'guid' ? '00000000-0000-4000-8000-000000000000' : 'no-such-name');

it('plans every format of each collection and query, a sample of each collection, sub-collections of the sampled parents, then the links', () => {
  const { probes } = planProbes(model, { randomId: fixedId });
  expect(probes.slice(0, 6)).toEqual([
    { kind: 'collection', operation: 'listWidgets', format: 'default' },
    { kind: 'collection', operation: 'listWidgets', format: 'Entity' },
    { kind: 'query', operation: 'queryWidgets', format: 'default', pageSize: 'pageSize' },
    { kind: 'query', operation: 'queryWidgets', format: 'Refs', pageSize: 'pageSize' },
    { kind: 'sample', operation: 'getWidget', collection: 'listWidgets', formats: ['default', 'Entity'] },
    { kind: 'sub-collection', operation: 'listWidgetParts', parent: 'getWidget', formats: ['default'] },
  ]);
  expect(probes[6]).toEqual({ kind: 'follow-links' });
});

it('asks every item operation with an id no server issued: a GUID for a guid parameter, a string for a string one', () => {
  const unknown = planProbes(model).probes.filter((p) => p.kind === 'unknown-id');
  const documents404 = (o: OperationSpec) => o.responses.some((r) => r.status === 404 && r.error);
  expect(unknown.map((p) => p.operation)).toEqual(Object.values(operations).filter((o) => isItem(o) && documents404(o)).map((o) => o.id));
  const byOp = Object.fromEntries(unknown.map((p) => [p.operation, p.params]));
  expect(byOp.getWidget!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(byOp.getPart!.name).not.toMatch(/^[0-9a-f-]{36}$/);
  expect(unknown.every((p) => p.kind === 'unknown-id' && p.status === 404)).toBe(true);
});

it('never plans a state-changing operation for a live server: each is skipped with the reason', () => {
  const { probes, skipped } = planProbes(model);
  expect(probes.some((p) => p.kind === 'action')).toBe(false);
  const writes = Object.values(operations).filter((o) => o.method !== 'GET' && !protocolIds(model).has(o.id));
  expect(skipped).toEqual(writes.map((o) => ({ operation: o.id, reason: CHANGES_STATE })));
});

it('plans the actions for the built-in fake, with the documented request example, or none when the body is optional; skips one it has no body for', () => {
  const { probes, skipped } = planProbes(model, { allowWrites: true });
  expect(probes.filter((p) => p.kind === 'action')).toEqual([
    { kind: 'action', operation: 'startWidget', params: ['id'] },
    { kind: 'action', operation: 'paintWidget', params: ['id'], body: '<PaintSpec><Colour>red</Colour></PaintSpec>', bodyType: 'PaintSpec' },
  ]);
  expect(skipped).toEqual([{ operation: 'polishWidget', reason: expect.stringContaining('no documented example') }]);
});

it('leaves no operation of the table unaccounted for: each is the protocol, planned, reached through links, or skipped', () => {
  for (const m of [model, builtinModel]) {
    const { probes, skipped } = planProbes(m);
    const planned = new Set([...probes.flatMap((p) => ('operation' in p ? [p.operation] : [])), ...skipped.map((s) => s.operation), ...protocolIds(m)]);
    const viaLinks = Object.values(m.operations).filter((o) => isItem(o) || isCollection(o) || isQuery(o));
    for (const o of Object.values(m.operations)) expect(planned.has(o.id) || viaLinks.includes(o), o.id).toBe(true);
  }
});

it('plans for a lab server only the documented actions (those answered with a Task), and the guard lets through exactly those', () => {
  const withTask: ApiModel = { ...model, operations: { ...operations, startWidget: { ...operations.startWidget!, task: { operation: 'StartWidget' } } } };
  const plan = planProbes(withTask, { labActions: true, randomId: fixedId });
  expect(plan.probes.filter((p) => p.kind === 'action').map((p) => (p as { operation: string }).operation)).toEqual(['startWidget']);
  expect(plan.skipped.filter((s) => s.reason === NOT_AN_ACTION).map((s) => s.operation).sort()).toEqual(['paintWidget', 'polishWidget']);
  const allowedWrites = new Set(plan.probes.flatMap((p) => (p.kind === 'action' ? [p.operation] : [])));
  const base = 'https://em.test:9398';
  const url = (o: OperationSpec) => operationUrl(base, o, { id: fixedId({ type: 'guid' }) }, {}, withTask);
  expect(() => assertSafeRequest('POST', url(withTask.operations.startWidget!), new Set(), { model: withTask, allowedWrites })).not.toThrow();
  expect(() => assertSafeRequest('POST', url(withTask.operations.paintWidget!), new Set(), { model: withTask, allowedWrites })).toThrow(UnsafeRequestError);
  expect(() => assertSafeRequest('DELETE', url(withTask.operations.signOut!), new Set(), { model: withTask, allowedWrites })).toThrow(UnsafeRequestError);
  // Without the option, not even the documented action is planned.
  expect(planProbes(withTask, { randomId: fixedId }).probes.filter((p) => p.kind === 'action')).toEqual([]);
});
