import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { decodeIn, operationUrl, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { idParam, mockSession } from './test-support/mock-session.js';

// A made-up resource family the mock has never heard of (spec-fixtures/widgets/), laid over a copy of spec/.
const DOCUMENTED_ID = '0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11';
let model: ApiModel;
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
const op = (id: string): OperationSpec => model.operations[id]!;

beforeAll(async () => {
  model = loadModelWith(join(specFixturesDir, 'widgets'));
  mock = await serveMock({ model });
  session = await mockSession(model, mock.url);
});
afterAll(async () => {
  await mock?.close();
});

describe('a model loaded from a spec folder with a resource family the mock code never names', () => {
  it('has a collection of widgets with the documented one first, and its documented server', () => {
    const widgets = mock.state.collections.get('Widget')!;
    expect([...widgets.keys()][0]).toBe(DOCUMENTED_ID);
    expect(widgets.get(DOCUMENTED_ID)!.fields.Name).toBe('Blue Widget');
    const server = mock.state.collections.get('BackupServer')!.get('0badc0de-0000-4000-8000-0000000000aa');
    expect(server?.fields.Name).toBe('widget-server.local');
    expect(widgets.get(DOCUMENTED_ID)!.refs.BackupServer).toBe(server!.id);
    expect(widgets.get(DOCUMENTED_ID)!.fields.BackupServerName).toBe('widget-server.local');
  });

  it('lists the widgets as references and as entities', async () => {
    const refs = decodeIn(model, 'EntityReferences', await (await session.get(operationUrl(mock.url, op('listWidgets'), {}, {}, model))).text()) as { Ref: { UID: string }[] };
    expect(refs.Ref.length).toBe(mock.state.collections.get('Widget')!.size);
    const entities = decodeIn(model, 'Widgets', await (await session.get(operationUrl(mock.url, op('listWidgets'), {}, { format: 'Entity' }, model))).text()) as { Widget: { Color: string }[] };
    expect(entities.Widget.length).toBe(refs.Ref.length);
    for (const w of entities.Widget) expect(['Red', 'Green', 'Blue']).toContain(w.Color);
  });

  it('serves a widget in both forms, with its Up link to its server resolving', async () => {
    const get = op('getWidget');
    const entity = decodeIn(model, 'Widget', await (await session.get(operationUrl(mock.url, get, { [idParam(get.path)]: DOCUMENTED_ID }, { format: 'Entity' }, model))).text()) as {
      UID: string;
      Links: { Rel: string; Href: string }[];
    };
    expect(entity.UID).toBe(`urn:veeam:Widget:${DOCUMENTED_ID}`);
    const up = entity.Links.find((l) => l.Rel === 'Up')!;
    expect((await session.get(up.Href)).status).toBe(200);
  });

  it('queries widgets by a field of their own and of their server', async () => {
    const query = op('queryWidgets');
    const red = [...mock.state.collections.get('Widget')!.values()].filter((w) => w.fields.Color === 'Red').length;
    const page = decodeIn(model, successOf(query).formats[0]!.body, await (await session.get(operationUrl(mock.url, query, {}, { filter: 'Color==red', pageSize: 100 }, model))).text()) as {
      Refs?: unknown[];
    };
    expect(page.Refs?.length ?? 0).toBe(red);
    const byServer = await (await session.get(operationUrl(mock.url, query, {}, { filter: 'BackupServerName=="widget-server.local"' }, model))).text();
    expect(byServer).toContain(DOCUMENTED_ID);
  });

  it('spins a widget: 400 without a body, then a task that finishes with a new widget referring to it', async () => {
    const spin = op('spinWidget');
    const at = operationUrl(mock.url, spin, { [idParam(spin.path)]: DOCUMENTED_ID }, {}, model);
    expect((await session.post(at)).status).toBe(400);
    const response = await session.post(at, '<WidgetSpinSpec xmlns="http://www.veeam.com/ent/v1.0"><Turns>2</Turns></WidgetSpinSpec>');
    expect(response.status).toBe(202);
    const task = decodeIn(model, 'Task', await response.text()) as { Href: string; Operation: string };
    expect(task.Operation).toBe('SpinWidget');
    const done = decodeIn(model, 'Task', await (await session.get(task.Href)).text()) as { State: string; Links: { Rel: string; Href: string }[] };
    expect(done.State).toBe('Finished');
    const related = done.Links.find((l) => l.Rel === 'Related')!;
    expect((await session.get(related.Href)).status).toBe(200);
    expect(indexOf(model).kind(spin)).toBe('action');
  });
});
