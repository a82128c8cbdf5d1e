import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@vbem/client';
import { defaultSpecDir, loadModel } from '@vbem/codegen';
import { builtinModel, type ApiModel } from '@vbem/models';
import { defaultCredentials, serveMock } from '@vbem/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from './runner/run-conformance.js';

// A resource family the real spec does not have, written as a user of the toolkit would write it:
// YAML and a documented example, nothing else. The fake, the client and the conformance suite run
// it with no code change.
const WIDGETS = `types:
  WidgetColor:
    enum: [Red, Green, Blue]
  Widget:
    root: Widget
    extends: Entity
    elements:
      Color: { type: WidgetColor }
      Weight: { type: long }
      MadeUTC: { type: dateTime }
      BackupServerName: { type: string, optional: true, refers: BackupServer }
  Widgets:
    root: Widgets
    elements:
      Widget: { type: Widget, repeated: true, optional: true }
  WidgetSpinSpec:
    root: WidgetSpinSpec
    elements:
      Turns: { type: int }

operations:
  listWidgets:
    summary: Every widget.
    docs: widgets.html
    resource: widgets
    entity: Widget
    method: GET
    path: /widgets
    auth: session
    responses:
      200:
        formats:
          default: { body: EntityReferences, linkType: WidgetReferenceList, links: { Up: BackupServerReference, Alternate: Widget } }
          Entity: { body: Widgets, linkType: WidgetList, links: { Up: BackupServerReference, Alternate: WidgetReference } }
  getWidget:
    summary: One widget.
    docs: widgets_id.html
    resource: widgets
    entity: Widget
    method: GET
    path: /widgets/{id}
    auth: session
    params: { id: { type: guid } }
    responses:
      200:
        formats:
          default: { body: EntityRef, linkType: WidgetReference, links: { Up: BackupServerReference, Alternate: Widget } }
          Entity: { body: Widget, linkType: Widget, links: { Up: BackupServerReference, Alternate: WidgetReference } }
    examples:
      - file: widget.entity.xml
        status: 200
        format: Entity
        params: { id: 0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11 }
        expect: { Name: Blue Widget, Color: Blue, Weight: 9007199254740991, MadeUTC: "2025-01-10T08:30:00Z" }
  queryWidgets:
    summary: Finds widgets.
    docs: get_query_widget.html
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
    queryFields: { Name: Name, Color: Color, Made: MadeUTC, BackupServerName: BackupServer.Name }
    responses:
      200:
        formats:
          default: { body: QueryResult, links: { Up: BackupServerReference, Alternate: Widget } }
          Refs: { body: QueryResult, links: { Up: BackupServerReference, Alternate: Widget } }
          Entities: { body: QueryResult, links: { Up: BackupServerReference, Alternate: WidgetReference } }
  spinWidget:
    summary: Spins a widget.
    docs: post_widgets_id_spin.html
    resource: widgets
    entity: Widget
    method: POST
    path: /widgets/{id}
    auth: session
    params: { id: { type: guid } }
    query: { action: { type: string, const: spin } }
    requestBody: { type: WidgetSpinSpec }
    task: { operation: SpinWidget }
    responses:
      202: { body: Task, linkType: Task }
    examples:
      - { file: widget.spin.request.xml, request: true, expect: { Turns: 3 } }
`;

const ENTITY = `<Widget xmlns="http://www.veeam.com/ent/v1.0" Type="Widget" Href="https://localhost:9398/api/widgets/0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11?format=Entity" Name="Blue Widget" UID="urn:veeam:Widget:0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11">
  <Links>
    <Link Rel="Up" Type="BackupServerReference" Href="https://localhost:9398/api/backupServers/8fff3b8e-c3f1-4ef5-aecc-561f07bf9982" Name="172.17.53.48" />
    <Link Rel="Alternate" Type="WidgetReference" Href="https://localhost:9398/api/widgets/0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11" Name="Blue Widget" />
  </Links>
  <Color>Blue</Color>
  <Weight>9007199254740991</Weight>
  <MadeUTC>2025-01-10T08:30:00Z</MadeUTC>
  <BackupServerName>172.17.53.48</BackupServerName>
</Widget>
`;

let root: string;
let model: ApiModel;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vbem-widgets-'));
  const spec = join(root, 'spec');
  cpSync(defaultSpecDir, spec, { recursive: true });
  writeFileSync(join(spec, 'resources', 'widgets.yaml'), WIDGETS);
  writeFileSync(join(spec, 'examples', 'widget.entity.xml'), ENTITY);
  writeFileSync(join(spec, 'examples', 'widget.spin.request.xml'), '<WidgetSpinSpec xmlns="http://www.veeam.com/ent/v1.0"><Turns>3</Turns></WidgetSpinSpec>\n');
  // The query service's entity wrapper gets a list of widgets, as it has one per queryable type.
  const query = join(spec, 'resources', 'query.yaml');
  writeFileSync(query, readFileSync(query, 'utf8').replace(/(\n  QueryEntities:\n(?:.*\n)*?    elements:\n)/, '$1      Widgets: { list: Widget, optional: true }\n'));
  model = loadModel(spec);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const widgetOperations = () => Object.keys(model.operations).filter((id) => !(id in builtinModel.operations));

describe('a resource family added by editing only the spec', () => {
  it('is in the model loaded from the spec copy and not in the built-in one', () => {
    expect(widgetOperations().sort()).toEqual(['getWidget', 'listWidgets', 'queryWidgets', 'spinWidget']);
  });

  it('is served by the fake and called by the client: list, documented item, query, action and its task', async () => {
    const mock = await serveMock({ model });
    try {
      await using client = createClient({ baseUrl: mock.url, model, username: defaultCredentials.user, password: defaultCredentials.password });
      const widgets = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>).widgets!;
      const list = (await widgets.list!()) as { Ref: { UID: string }[] };
      expect(list.Ref.map((r) => r.UID)).toContain('urn:veeam:Widget:0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11');
      const entity = (await widgets.getEntity!('0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11')) as { Weight: number; MadeUTC: Date; Color: string };
      expect(entity).toMatchObject({ Weight: 9007199254740991, Color: 'Blue', MadeUTC: new Date('2025-01-10T08:30:00Z') });
      const pages = (client as unknown as Record<string, Record<string, (o: object) => { items(): AsyncIterable<{ Color: string }> }>>).query!.widgets!({ format: 'Entities', filter: 'Color==blue' });
      const blue: string[] = [];
      for await (const w of pages.items()) blue.push(w.Color);
      expect(blue.length).toBeGreaterThan(0);
      expect(new Set(blue)).toEqual(new Set(['Blue']));
      const task = await widgets.spin!('0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11', { Turns: 2 });
      const done = (await (client as unknown as { tasks: { wait(t: unknown, o: object): Promise<{ State: string; Operation: string }> } }).tasks.wait(task, { intervalMs: 5, timeoutMs: 10_000 }));
      expect(done).toMatchObject({ Operation: 'SpinWidget' });
      expect(done.State).not.toBe('Running');
    } finally {
      await mock.close();
    }
  }, 60_000);

  it('is checked by the conformance suite, server and client targets, every operation, all passing', async () => {
    const report = await runConformance({ model, sample: 2 });
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(failed).toEqual([]);
    for (const target of ['server', 'client'] as const) {
      const coverage = report.coverage[target]!;
      for (const id of widgetOperations()) expect(coverage.operations.find((o) => o.operation === id), `${target} ${id}`).toMatchObject({ status: 'checked' });
    }
    expect(report.results.some((r) => r.operation === 'spinWidget' && r.status === 'passed')).toBe(true);
  }, 120_000);
});
