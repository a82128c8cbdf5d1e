import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '@vbem/codegen';
import { decodeIn, operationUrl, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { idParam, mockSession } from './test-support/mock-session.js';

// A made-up resource family the mock has never heard of, added to a copy of spec/.
const WIDGETS_YAML = `# Widgets: a resource family that exists only in this test.
types:
  WidgetColour:
    summary: A widget's colour.
    enum: [Red, Green, Blue]

  Widget:
    summary: A widget.
    root: Widget
    extends: Entity
    elements:
      Colour: { type: WidgetColour }
      Size: { type: int }
      Weight: { type: long, optional: true }
      MadeAt: { type: dateTime }
      ServerName: { type: string, refers: BackupServer }

  Widgets:
    summary: The entity form of the widget list.
    root: Widgets
    elements:
      Widget: { type: Widget, repeated: true, optional: true }

  WidgetPaintSpec:
    summary: How to paint a widget.
    root: WidgetPaintSpec
    elements:
      Colour: { type: WidgetColour }

operations:
  listWidgets:
    summary: Lists the widgets.
    docs: widgets.html
    resource: widgets
    entity: Widget
    method: GET
    path: /widgets
    auth: session
    responses:
      200:
        formats:
          default:
            body: EntityReferences
            linkType: WidgetReferenceList
            links: { Up: BackupServerReference, Alternate: Widget }
          Entity:
            body: Widgets
            linkType: WidgetList
            links: { Up: BackupServerReference, Alternate: WidgetReference }
    examples:
      - file: widgets.refs.xml
        status: 200

  getWidget:
    summary: Returns one widget.
    docs: widgets_id.html
    resource: widgets
    entity: Widget
    method: GET
    path: /widgets/{id}
    auth: session
    params:
      id: { type: guid }
    responses:
      200:
        formats:
          default:
            body: EntityRef
            linkType: WidgetReference
            links: { Up: BackupServerReference, Alternate: Widget }
          Entity:
            body: Widget
            linkType: Widget
            links: { Up: BackupServerReference, Alternate: WidgetReference }

  queryWidgets:
    summary: Finds widgets.
    docs: query_widget.html
    resource: query
    entity: Widget
    method: GET
    path: /query
    auth: session
    query:
      type: { type: string, const: Widget }
      filter: { type: string, optional: true }
      sortAsc: { type: string, optional: true }
      sortDesc: { type: string, optional: true }
      pageSize: { type: int, optional: true }
      page: { type: int, optional: true }
    queryFields:
      Name: Name
      Colour: Colour
      Size: Size
      MadeAt: MadeAt
      ServerName: BackupServer.Name
    responses:
      200:
        formats:
          default:
            body: QueryResult
            links: { Alternate: Widget }
          Refs:
            body: QueryResult
            links: { Alternate: Widget }

  paintWidget:
    summary: Paints a widget.
    docs: widgets_id_paint.html
    resource: widgets
    entity: Widget
    method: POST
    path: /widgets/{id}
    auth: session
    params:
      id: { type: guid }
    query:
      action: { type: string, const: paint }
    requestBody: { type: WidgetPaintSpec }
    task: { operation: PaintWidget, creates: Widget }
    responses:
      202:
        body: Task
        linkType: Task
`;

const DOCUMENTED_ID = '0badc0de-0000-4000-8000-000000000001';
const WIDGETS_XML = `<EntityReferences xmlns="http://www.veeam.com/ent/v1.0">
  <Ref UID="urn:veeam:Widget:${DOCUMENTED_ID}" Name="The documented widget" Href="https://localhost:9398/api/widgets/${DOCUMENTED_ID}" Type="WidgetReference">
    <Links>
      <Link Rel="Up" Type="BackupServerReference" Href="https://localhost:9398/api/backupServers/0badc0de-0000-4000-8000-0000000000aa" Name="widget-server.local" />
    </Links>
  </Ref>
</EntityReferences>
`;

const specDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'spec');
let dir = '';
let model: ApiModel;
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
const op = (id: string): OperationSpec => model.operations[id]!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vbem-widgets-'));
  cpSync(specDir, dir, { recursive: true });
  writeFileSync(join(dir, 'resources', 'widgets.yaml'), WIDGETS_YAML);
  writeFileSync(join(dir, 'examples', 'widgets.refs.xml'), WIDGETS_XML);
  model = loadModel(dir);
  mock = await serveMock({ model });
  session = await mockSession(model, mock.url);
});
afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a model loaded from a spec folder with a resource family the mock code never names', () => {
  it('has a collection of widgets with the documented one first, and its documented server', () => {
    const widgets = mock.state.collections.get('Widget')!;
    expect([...widgets.keys()][0]).toBe(DOCUMENTED_ID);
    expect(widgets.get(DOCUMENTED_ID)!.fields.Name).toBe('The documented widget');
    const server = mock.state.collections.get('BackupServer')!.get('0badc0de-0000-4000-8000-0000000000aa');
    expect(server?.fields.Name).toBe('widget-server.local');
    expect(widgets.get(DOCUMENTED_ID)!.refs.BackupServer).toBe(server!.id);
    expect(widgets.get(DOCUMENTED_ID)!.fields.ServerName).toBe('widget-server.local');
  });

  it('lists the widgets as references and as entities', async () => {
    const refs = decodeIn(model, 'EntityReferences', await (await session.get(operationUrl(mock.url, op('listWidgets'), {}, {}, model))).text()) as { Ref: { UID: string }[] };
    expect(refs.Ref.length).toBe(mock.state.collections.get('Widget')!.size);
    const entities = decodeIn(model, 'Widgets', await (await session.get(operationUrl(mock.url, op('listWidgets'), {}, { format: 'Entity' }, model))).text()) as { Widget: { Colour: string }[] };
    expect(entities.Widget.length).toBe(refs.Ref.length);
    for (const w of entities.Widget) expect(['Red', 'Green', 'Blue']).toContain(w.Colour);
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
    const red = [...mock.state.collections.get('Widget')!.values()].filter((w) => w.fields.Colour === 'Red').length;
    const page = decodeIn(model, successOf(query).formats[0]!.body, await (await session.get(operationUrl(mock.url, query, {}, { filter: 'Colour==red', pageSize: 100 }, model))).text()) as {
      Refs?: unknown[];
    };
    expect(page.Refs?.length ?? 0).toBe(red);
    const byServer = await (await session.get(operationUrl(mock.url, query, {}, { filter: 'ServerName=="widget-server.local"' }, model))).text();
    expect(byServer).toContain(DOCUMENTED_ID);
  });

  it('paints a widget: 400 without a body, then a task that finishes with a new widget referring to it', async () => {
    const paint = op('paintWidget');
    const at = operationUrl(mock.url, paint, { [idParam(paint.path)]: DOCUMENTED_ID }, {}, model);
    expect((await session.post(at)).status).toBe(400);
    const response = await session.post(at, '<WidgetPaintSpec xmlns="http://www.veeam.com/ent/v1.0"><Colour>Green</Colour></WidgetPaintSpec>');
    expect(response.status).toBe(202);
    const task = decodeIn(model, 'Task', await response.text()) as { Href: string; Operation: string };
    expect(task.Operation).toBe('PaintWidget');
    const done = decodeIn(model, 'Task', await (await session.get(task.Href)).text()) as { State: string; Links: { Rel: string; Href: string }[] };
    expect(done.State).toBe('Finished');
    const related = done.Links.find((l) => l.Rel === 'Related')!;
    expect((await session.get(related.Href)).status).toBe(200);
    expect(indexOf(model).kind(paint)).toBe('action');
  });
});
