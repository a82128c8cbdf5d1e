import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtinModel as model, operationUrl } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { mockSession } from './test-support/mock-session.js';

// Bodies built from the collections are cached until a collection changes; who may see them is still checked per request.
const list = Object.values(model.operations).find((op) => indexOf(model).kind(op) === 'list')!;
const state = createMockState({ entities: 3 });
let mock: MockServer;
beforeAll(async () => void (mock = await serveMock({ state })));
afterAll(() => mock.close());

it('answers a list with an entity added to its collection after the list was read', async () => {
  const session = await mockSession(model, mock.url);
  const url = operationUrl(mock.url, list, {}, {}, model).href;
  const before = await (await session.get(url)).text();
  expect(await (await session.get(url)).text()).toBe(before);
  const collection = state.collections.get(list.entity!)!;
  const [id, entity] = [...collection.entries()][0]!;
  const copy = '00000000-0000-4000-8000-00000000abcd';
  collection.set(copy, { ...entity, id: copy });
  const after = await (await session.get(url)).text();
  expect(after).toContain(copy);
  expect(after).toContain(id);
  collection.delete(copy);
  expect(await (await session.get(url)).text()).toBe(before);
});

it('refuses a cached body to a request without a session', async () => {
  const session = await mockSession(model, mock.url);
  const url = operationUrl(mock.url, list, {}, {}, model).href;
  expect((await session.get(url)).status).toBe(200);
  expect((await fetch(url)).status).toBe(401);
});
