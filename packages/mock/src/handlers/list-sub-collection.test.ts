import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel, decodeIn, operationUrl, type ApiModel, type OperationSpec } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import { serveMock, type MockServer } from '../serve-mock.js';
import { idParam, mockSession } from '../test-support/mock-session.js';

// The built-in spec has no sub-collection: add one to a copy of its model, under the item
// operation of a type another type refers to, listing the referring type.
const base = indexOf(builtinModel);
const child = base.collections.find((t) => base.referencedTypes(t).length > 0)!;
const parent = base.referencedTypes(child)[0]!;
const parentItem = base.itemOperation(parent)!;
const childList = Object.values(builtinModel.operations).find((op) => base.kind(op) === 'list' && op.entity === child)!;
const sub: OperationSpec = { ...childList, id: 'listChildrenOfParent', path: `${parentItem.path}/children`, params: parentItem.params };
const model: ApiModel = { ...builtinModel, operations: { ...builtinModel.operations, [sub.id]: sub } };

let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
const state = createMockState({ model, entities: 6 });
beforeAll(async () => {
  mock = await serveMock({ state });
  session = await mockSession(model, mock.url);
});
afterAll(() => mock.close());

describe('sub-collections', () => {
  it('is the handler kind of a GET whose path extends an item path', () => {
    expect(indexOf(model).kind(sub)).toBe('sub-collection');
    expect(indexOf(model).parentOf(sub)?.type).toBe(parent);
  });

  it('lists the entities that refer to the parent, and only those', async () => {
    for (const p of state.collections.get(parent)!.values()) {
      const response = await session.get(operationUrl(mock.url, sub, { [idParam(parentItem.path)]: p.id }, {}, model));
      expect(response.status).toBe(200);
      const xml = await response.text();
      const expected = [...state.collections.get(child)!.values()].filter((c) => c.refs[parent] === p.id).map((c) => c.id);
      const served = [...xml.matchAll(new RegExp(` UID="urn:veeam:${child}:([^"]+)"`, 'g'))].map((m) => m[1]);
      expect(served).toEqual(expected);
    }
  });

  it('answers 404 with an Error body when the parent does not exist', async () => {
    const response = await session.get(operationUrl(mock.url, sub, { [idParam(parentItem.path)]: '00000000-0000-0000-0000-000000000000' }, {}, model));
    expect(response.status).toBe(404);
    expect((decodeIn(model, model.api.errorBody, await response.text()) as { StatusCode: number }).StatusCode).toBe(404);
  });
});
