import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, operationUrl, type OperationSpec } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import { serveMock, type MockServer, type ServeMockOptions } from '../serve-mock.js';
import { mockSession } from '../test-support/mock-session.js';
import { requestBodyOf } from '../test-support/request-body.js';

// Every operation that names something by a path id answers its documented 404, with an Error body,
// for an id nothing has: whatever the id looks like, in every method, and without changing anything.
const index = indexOf(model);
const named = Object.values(model.operations).filter((op) => op.params.length > 0 && op.responses.some((r) => r.status === 404 && r.error));
const options: ServeMockOptions = { state: createMockState({ entities: 3, seed: 5 }), tasks: { runMs: 0 } };
const state = options.state!;
const UNKNOWN_IDS = ['00000000-0000-0000-0000-000000000000', 'not-an-id', 'a b/c?d=%zz', `urn:veeam:Thing:${'f'.repeat(36)}`];
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;

beforeAll(async () => {
  mock = await serveMock(options);
  session = await mockSession(model, mock.url);
});
afterEach(() => {
  delete options.faults;
});
afterAll(() => mock.close());

/** Sends `id` in every path parameter but those `around` names (the parent of an item under a parent item). */
const send = (op: OperationSpec, id: string, around: Readonly<Record<string, string>> = {}) => {
  const url = operationUrl(mock.url, op, Object.fromEntries(op.params.map((p) => [p.name, around[p.name] ?? id])), Object.fromEntries(op.query.filter((q) => q.const !== undefined).map((q) => [q.name, q.const!])), model);
  const headers = { [model.api.sessionHeader]: session.token };
  return fetch(url, { method: op.method, headers, ...(op.requestBody ? { body: requestBodyOf(model, op) } : {}) });
};
const footprint = () => ({ tasks: state.tasks.size, logons: state.logons.size, sizes: [...state.collections.values()].map((c) => c.size) });

describe('an unknown id', () => {
  it('is named by some operation of every kind that takes an id', () => {
    const kinds = new Set(named.map((op) => index.kind(op)));
    for (const kind of ['item', 'sub-collection', 'action']) if (Object.values(model.operations).some((op) => index.kind(op) === kind)) expect(kinds).toContain(kind);
  });

  it.each(named.map((op) => [op.id, op] as const))('%s answers its documented 404 with an Error body for ids nothing has, and changes nothing', async (_id, op) => {
    const notFound = op.responses.find((r) => r.status === 404)!;
    await session.get(operationUrl(mock.url, model.operations[model.api.protocol.entryPoint]!, {}, {}, model));
    const before = footprint();
    for (const id of UNKNOWN_IDS) {
      const response = await send(op, id);
      expect(response.status, id).toBe(notFound.status);
      expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
      expect((decodeIn(model, model.api.errorBody, await response.text()) as { StatusCode: number }).StatusCode, id).toBe(notFound.status);
    }
    await session.get(operationUrl(mock.url, model.operations[model.api.protocol.entryPoint]!, {}, {}, model));
    expect(footprint()).toEqual(before);
  });

  it.each(named.filter((op) => index.kind(op) === 'item').map((op) => [op.id, op] as const))('%s finds a known id written in upper case (ids are matched case-insensitively)', async (_id, op) => {
    const known = [...state.collections.get(op.entity!)!.values()][0]!;
    const upper = Object.fromEntries(Object.entries(index.itemParams(known) ?? {}).map(([name, id]) => [name, id.toUpperCase()]));
    expect((await send(op, known.id.toUpperCase(), upper)).status).toBe(200);
  });

  it.each(named.filter((op) => index.kind(op) === 'item').map((op) => [op.id, op] as const))('%s answers 200 with the Error body under the status fault 200 (a broken fake for status checks)', async (_id, op) => {
    options.faults = { [op.id]: { status: 200 } };
    const response = await send(op, UNKNOWN_IDS[0]!);
    expect(response.status).toBe(200);
    expect((decodeIn(model, model.api.errorBody, await response.text()) as { StatusCode: number }).StatusCode).toBe(404);
  });
});
