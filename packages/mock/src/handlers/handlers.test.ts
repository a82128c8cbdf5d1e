import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, encodeIn, operationUrl, successOf, type OperationSpec } from '@vbem/models';
import { admits } from '../admits.js';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import { serveMock, type MockServer, type ServeMockOptions } from '../serve-mock.js';
import { idParam, mockSession } from '../test-support/mock-session.js';
import type { MockEntity } from '../mock-state.js';

const index = indexOf(model);
const ops = Object.values(model.operations);
const ofKind = (kind: string) => ops.filter((op) => index.kind(op) === kind);
const options: ServeMockOptions = { state: createMockState({ entities: 5, seed: 2 }), tasks: { runMs: 0 } };
const state = options.state!;
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;

beforeAll(async () => {
  mock = await serveMock(options);
  session = await mockSession(model, mock.url);
});
afterEach(() => {
  delete options.faults;
  options.tasks = { runMs: 0 };
});
afterAll(() => mock.close());

const entitiesOf = (type: string) => [...state.collections.get(type)!.values()];
const uidCount = (xml: string, type: string) => xml.split(` UID="urn:veeam:${type}:`).length - 1;
const url = (op: OperationSpec, params: Record<string, string> = {}, query: Record<string, string | number> = {}) => operationUrl(mock.url, op, params, query, model);
const formatQuery = (format: string) => (format === 'default' ? {} : { [model.api.formatParam]: format });
const errorOf = (xml: string) => decodeIn(model, model.api.errorBody, xml) as { StatusCode: number };
const requestBodyOf = (op: OperationSpec) => model.examples.find((e) => e.request && e.operation === op.id)?.xml ?? encodeIn(model, op.requestBody!.type, {});
const taskOf = (xml: string) =>
  decodeIn(model, 'Task', xml) as { TaskId: string; State: string; Operation: string; Href: string; Result?: { Success: boolean }; Links?: { Rel: string; Href: string }[] };

describe('collection lists', () => {
  it.each(ofKind('list').map((op) => [op.id, op] as const))('%s lists every entity of its collection in each format', async (_id, op) => {
    for (const f of successOf(op).formats) {
      const response = await session.get(url(op, {}, formatQuery(f.format)));
      expect(response.status).toBe(200);
      const xml = await response.text();
      expect(() => decodeIn(model, f.body, xml, { strict: true })).not.toThrow();
      expect(uidCount(xml, op.entity!)).toBe(state.collections.get(op.entity!)!.size);
    }
  });
});

describe('items', () => {
  it.each(ofKind('item').map((op) => [op.id, op] as const))('%s serves every entity in each format and 404 for an unknown id', async (_id, op) => {
    // An item under a parent item is asked for under its own parent.
    const paramsOf = (entity: MockEntity, id = entity.id) => ({ ...indexOf(model).itemParams(entity), [idParam(op.path)]: id });
    for (const entity of entitiesOf(op.entity!)) {
      for (const f of successOf(op).formats) {
        const response = await session.get(url(op, paramsOf(entity), formatQuery(f.format)));
        expect(response.status).toBe(200);
        const value = decodeIn(model, f.body, await response.text(), { strict: true }) as { UID?: string; Href: string };
        // An item without a UID (one addressed under its parent) is named by its Href.
        if (value.UID === undefined) expect(new URL(value.Href).pathname.endsWith(`/${entity.id}`)).toBe(true);
        else expect(value.UID).toBe(`urn:veeam:${entity.type}:${entity.id}`);
      }
    }
    const missing = await session.get(url(op, paramsOf(entitiesOf(op.entity!)[0]!, '00000000-0000-0000-0000-000000000000')));
    expect(missing.status).toBe(404);
    expect(errorOf(await missing.text()).StatusCode).toBe(404);
  });
});

describe('query services', () => {
  const queries = ofKind('query').map((op) => [op.id, op] as const);
  it.each(queries)('%s filters by each of its fields on a value the first entity has', async (_id, op) => {
    const first = entitiesOf(op.entity!)[0]!;
    const { queryFieldsOf } = await import('../query/query-fields.js');
    const fields = queryFieldsOf(state, op);
    for (const [name, field] of Object.entries(fields)) {
      const value = field.get(first);
      if (value === undefined) continue;
      const text = value instanceof Date ? value.toISOString() : String(value);
      const response = await session.get(url(op, {}, { filter: `${name}=="${text.replaceAll('"', '""')}"`, pageSize: 1000 }));
      expect(response.status, `${name}==${text}`).toBe(200);
      expect(await response.text()).toContain(`urn:veeam:${op.entity}:${first.id}`);
    }
  });

  it.each(queries)('%s sorts and pages with First, Previous, Next and Last links', async (_id, op) => {
    const total = state.collections.get(op.entity!)!.size;
    for (const name of Object.keys(op.queryFields!)) {
      expect((await session.get(url(op, {}, { sortAsc: name }))).status).toBe(200);
      expect((await session.get(url(op, {}, { sortDesc: name }))).status).toBe(200);
    }
    const response = await session.get(url(op, {}, { pageSize: 2, page: 2 }));
    const page = decodeIn(model, successOf(op).formats[0]!.body, await response.text()) as { PagingInfo: { PageNum: number; PagesCount: number; Links: { Rel: string }[] } };
    expect(page.PagingInfo.PageNum).toBe(2);
    expect(page.PagingInfo.PagesCount).toBe(Math.ceil(total / 2));
    expect(page.PagingInfo.Links.map((l) => l.Rel)).toEqual(['First', 'Previous', 'Next', 'Last']);
  });

  it.each(queries)('%s answers 400 with an Error body for an unknown field or a bad page', async (_id, op) => {
    const bad: Record<string, string | number>[] = [{ filter: 'NoSuchField==1' }, { sortAsc: 'NoSuchField' }, { page: 0 }, { filter: 'Name==("' }];
    for (const query of bad) {
      const response = await session.get(url(op, {}, query));
      expect(response.status).toBe(400);
      expect(errorOf(await response.text()).StatusCode).toBe(400);
    }
  });

  it.each(queries)('%s answers in every format, entities holding the entity type', async (_id, op) => {
    for (const f of successOf(op).formats) {
      const xml = await (await session.get(url(op, {}, { ...formatQuery(f.format), pageSize: 3 }))).text();
      expect(uidCount(xml, op.entity!)).toBe(Math.min(3, state.collections.get(op.entity!)!.size));
    }
  });
});

describe('actions', () => {
  const actions = ofKind('action').map((op) => [op.id, op] as const);
  const target = (op: OperationSpec) => entitiesOf(op.entity!)[0]!;
  const start = (op: OperationSpec, id = target(op).id) => session.post(url(op, { [idParam(op.path)]: id }), op.requestBody ? requestBodyOf(op) : undefined);

  it.each(actions)('%s answers 202 with a Running Task named by the spec, with a Delete link to itself', async (_id, op) => {
    const response = await start(op);
    expect(response.status).toBe(successOf(op).status);
    const task = taskOf(await response.text());
    expect(task.State).toBe('Running');
    expect(task.Operation).toBe(op.task?.operation);
    expect(task.TaskId).toMatch(/^task-\d+$/);
    expect(task.Links?.find((l) => l.Rel === 'Delete')?.Href).toBe(task.Href);
    expect(state.tasks.has(task.TaskId)).toBe(true);
  });

  it.each(actions)('%s answers 400 with an Error body when its const query parameter is missing or another', async (_id, op) => {
    const at = url(op, { [idParam(op.path)]: target(op).id });
    for (const query of ['', '?action=no-such-action']) {
      at.search = query;
      const response = await session.post(at, op.requestBody ? requestBodyOf(op) : undefined);
      expect(response.status).toBe(400);
      expect(errorOf(await response.text()).StatusCode).toBe(400);
    }
  });

  it.each(actions)('%s answers 404 with an Error body for an unknown id', async (_id, op) => {
    const response = await start(op, '00000000-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    expect(errorOf(await response.text()).StatusCode).toBe(404);
  });

  it.each(actions.filter(([, op]) => op.requestBody && !op.requestBody.optional))('%s answers 400 with an Error body for a missing or bad request body', async (_id, op) => {
    const at = url(op, { [idParam(op.path)]: target(op).id });
    for (const body of [undefined, '<Nonsense/>', 'not xml']) {
      const response = await session.post(at, body);
      expect(response.status).toBe(400);
      expect(errorOf(await response.text()).StatusCode).toBe(400);
    }
  });

  it.each(actions)('%s runs its task from Running to Finished with Success, and a Related link to the entity it creates', async (_id, op) => {
    // An hour to run: Running at the first GET however slow the machine; then its start is moved an hour back.
    options.tasks = { runMs: 3_600_000 };
    const task = taskOf(await (await start(op)).text());
    expect(taskOf(await (await session.get(task.Href)).text()).State).toBe('Running');
    (state.tasks.get(task.TaskId) as { createdAt: number }).createdAt -= 3_600_000;
    const done = taskOf(await (await session.get(task.Href)).text());
    expect(done.State).toBe('Finished');
    expect(done.Result?.Success).toBe(true);
    const related = done.Links?.find((l) => l.Rel === 'Related');
    if (!op.task?.creates) {
      expect(related).toBeUndefined();
      return;
    }
    expect((await session.get(related!.Href)).status).toBe(200);
    const created = state.tasks.get(done.TaskId)!.related!;
    expect(op.task.creates).toContain(created.type);
    expect(state.collections.get(created.type)!.get(created.id)!.refs[op.entity!]).toBe(target(op).id);
  });

  const choosing = actions.filter(([, op]) => (op.task?.creates?.length ?? 0) > 1);
  it.each(choosing)('%s creates the first type of its task.creates whose where admits the entity acted on', async (_id, op) => {
    for (const type of op.task!.creates!) {
      const actedOn = entitiesOf(op.entity!).find((e) => op.task!.creates!.find((t) => admits(index.map(t), e)) === type);
      expect(actedOn, `an ${op.entity} that ${type}'s where admits first`).toBeDefined();
      const task = taskOf(await (await start(op, actedOn!.id)).text());
      const done = taskOf(await (await session.get(task.Href)).text());
      expect(state.tasks.get(done.TaskId)!.related?.type).toBe(type);
    }
  });

  it.each(actions)('%s ends its task with Success="false" for the fail fault and keeps it Running for hang', async (_id, op) => {
    options.faults = { [op.id]: { task: 'fail' } };
    const failed = taskOf(await (await start(op)).text());
    options.faults = { [op.id]: { task: 'hang' } };
    const hanging = taskOf(await (await start(op)).text());
    const failedNow = taskOf(await (await session.get(failed.Href)).text());
    expect(failedNow.State).toBe('Finished');
    expect(failedNow.Result?.Success).toBe(false);
    expect(failedNow.Links?.some((l) => l.Rel === 'Related')).toBe(false);
    expect(taskOf(await (await session.get(hanging.Href)).text()).State).toBe('Running');
  });
});

describe('tasks', () => {
  it('answers 404 with an Error body for an unknown task', async () => {
    const taskOp = model.operations[model.api.protocol.task!]!;
    const response = await session.get(url(taskOp, { [idParam(taskOp.path)]: 'task-999999' }));
    expect(response.status).toBe(404);
    expect(errorOf(await response.text()).StatusCode).toBe(404);
  });
});

describe('documents', () => {
  it.each(ofKind('document').map((op) => [op.id, op] as const))('%s answers the same document of its body type, at its own href, every time', async (_id, op) => {
    const representation = successOf(op).formats[0]!;
    const first = await session.get(url(op));
    expect(first.status).toBe(200);
    const xml = await first.text();
    expect(await (await session.get(url(op))).text()).toBe(xml);
    const value = decodeIn(model, representation.body, xml, { strict: true }) as { Href?: string };
    if (index.map(representation.body).attributes.some((a) => a.name === 'Href')) expect(value.Href).toBe(url(op).href);
  });
});
