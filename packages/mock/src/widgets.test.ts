import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { decodeIn, decodeJsonIn, matchOperation, operationUrl, successOf, type ApiModel, type KeyCasing, type OperationSpec } from '@vbem/models';
import { jsonStyles } from './json-styles.js';
import type { MockOptions } from './mock-options.js';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { idParam, mockSession } from './test-support/mock-session.js';

// A made-up resource family the mock has never heard of (spec-fixtures/widgets/), laid over a copy of spec/.
const DOCUMENTED_ID = '0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11';
let model: ApiModel;
let mock: MockServer;
const options: MockOptions = {};
let session: Awaited<ReturnType<typeof mockSession>>;
const op = (id: string): OperationSpec => model.operations[id]!;

beforeAll(async () => {
  model = loadModelWith(join(specFixturesDir, 'widgets'));
  mock = await serveMock(Object.assign(options, { model }));
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

  it('generates days with text beside their Name attribute, and serves them as <Day Name="…">true</Day> in XML and {"Name","Value"} in JSON', async () => {
    const list = op('listWidgets');
    const xml = await (await session.get(operationUrl(mock.url, list, {}, { format: 'Entity' }, model))).text();
    const entities = decodeIn(model, 'Widgets', xml, { strict: true }) as { Widget: { Day: { Name: string; Value: unknown }[] }[] };
    const generated = entities.Widget.slice(1).flatMap((w) => w.Day);
    expect(generated.length, 'days on the generated widgets').toBeGreaterThan(0);
    for (const day of generated) expect(typeof day.Value).toBe('boolean');
    expect(xml).toMatch(/<Day Name="(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)">(true|false)<\/Day>/);
    const body = await (await fetch(operationUrl(mock.url, list, {}, { format: 'Entity' }, model), { headers: { [model.api.sessionHeader]: session.token, Accept: 'application/json' } })).text();
    const days = (JSON.parse(body) as { Widgets: { Days?: { Name: string; Value: unknown }[] }[] }).Widgets.flatMap((w) => w.Days ?? []);
    expect(days.map((d) => typeof d.Value)).toEqual(entities.Widget.flatMap((w) => w.Day).map(() => 'boolean'));
  });

  it('generates a repeated scalar element as an array of documented values, one element each', async () => {
    const xml = await (await session.get(operationUrl(mock.url, op('listWidgets'), {}, { format: 'Entity' }, model))).text();
    const shades = (decodeIn(model, 'Widgets', xml, { strict: true }) as { Widget: { Shade: string[] }[] }).Widget.flatMap((w) => w.Shade);
    expect(shades.length, 'shades on the generated widgets').toBeGreaterThan(0);
    for (const shade of shades) expect(['Red', 'Green', 'Blue']).toContain(shade);
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

  it("links a widget Down to its own sub-collection, though the link's Type is served under another parent too", async () => {
    const get = op('getWidget');
    const reference = decodeIn(model, 'EntityRef', await (await session.get(operationUrl(mock.url, get, { [idParam(get.path)]: DOCUMENTED_ID }, {}, model))).text()) as {
      Links: { Rel: string; Href: string; Type: string }[];
    };
    const down = reference.Links.filter((l) => l.Rel === 'Down');
    expect(down.length).toBeGreaterThan(0);
    for (const link of down) {
      expect(model.linkTargets[link.Type]!.length).toBeGreaterThan(1);
      const served = matchOperation('GET', new URL(link.Href), model);
      expect(Object.values(served?.params ?? {})).toEqual([DOCUMENTED_ID]);
      expect(indexOf(model).parentOf(served!.operation)?.type).toBe('Widget');
      expect((await session.get(link.Href)).status).toBe(successOf(served!.operation).status);
    }
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

describe('the widgets in JSON, from the same spec', () => {
  const json = async (url: URL, style: keyof typeof jsonStyles) => {
    options.json = jsonStyles[style];
    try {
      const response = await fetch(url, { headers: { [model.api.sessionHeader]: session.token, Accept: 'application/json' } });
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      return await response.text();
    } finally {
      delete options.json;
    }
  };
  const xml = async (url: URL) => (await session.get(url)).text();
  const widgetUrl = (format: Record<string, string>) => operationUrl(mock.url, op('getWidget'), { [idParam(op('getWidget').path)]: DOCUMENTED_ID }, format, model);

  it.each([['12', 'PascalCase'], ['13', 'camelCase']] as const)('serves the documented widget as EM %s writes it: the rules of spec/README.md, by hand', async (style, casing) => {
    const origin = mock.url;
    // EM 13's keys as JSON-NOTES.md shows them: the leading run of capitals lowered (`uid`, `madeUTC`).
    const camel: Record<string, string> = { Links: 'links', Rel: 'rel', Href: 'href', Name: 'name', Type: 'type', Color: 'color', Weight: 'weight', MadeUTC: 'madeUTC', BackupServerName: 'backupServerName', UID: 'uid', Days: 'days', Value: 'value', Shades: 'shades' };
    const key = (name: string) => (casing === 'camelCase' ? camel[name]! : name);
    // Written from the rules, not by the codec: no root name, attributes as properties, Links a plain array.
    const link = (rel: string, href: string, name: string, type: string) => ({ [key('Rel')]: rel, [key('Href')]: href, [key('Name')]: name, [key('Type')]: type });
    const expected = {
      [key('Links')]: [
        link('Up', `${origin}/api/backupServers/0badc0de-0000-4000-8000-0000000000aa`, 'widget-server.local', 'BackupServerReference'),
        link('Alternate', `${origin}/api/widgets/${DOCUMENTED_ID}`, 'Blue Widget', 'WidgetReference'),
        // Blue: its conditional link to the server that made it is there.
        link('Related', `${origin}/api/backupServers/0badc0de-0000-4000-8000-0000000000aa`, 'widget-server.local', 'BackupServerReference'),
      ],
      [key('Color')]: 'Blue',
      [key('Weight')]: 9007199254740991,
      [key('MadeUTC')]: expect.stringMatching(/^2025-01-10T08:30:00(\.0+)?Z$/),
      [key('BackupServerName')]: 'widget-server.local',
      // A repeated element named by its plural; text beside attributes is Value.
      [key('Days')]: [{ [key('Name')]: 'Sunday', [key('Value')]: true }, { [key('Name')]: 'Monday', [key('Value')]: false }],
      [key('Shades')]: [],
      [key('Href')]: `${origin}/api/widgets/${DOCUMENTED_ID}?format=Entity`,
      [key('Type')]: 'Widget',
      [key('Name')]: 'Blue Widget',
      [key('UID')]: `urn:veeam:Widget:${DOCUMENTED_ID}`,
    };
    const text = await json(widgetUrl({ format: 'Entity' }), style);
    expect(JSON.parse(text)).toEqual(expected);
    let seen: KeyCasing | undefined;
    expect(decodeJsonIn(model, 'Widget', text, { strict: true, onCasing: (c) => (seen = c) })).toEqual(decodeIn(model, 'Widget', await xml(widgetUrl({ format: 'Entity' }))));
    expect(seen).toBe(casing);
  });

  it.each(Object.keys(jsonStyles) as (keyof typeof jsonStyles)[])('lists, serves and queries widgets in JSON as EM %s: strictly the same values as the XML', async (style) => {
    const reads: [URL, string][] = [];
    for (const id of ['listWidgets', 'getWidget', 'queryWidgets']) {
      for (const f of successOf(op(id)).formats) {
        const query = { ...(f.format === 'default' ? {} : { [model.api.formatParam]: f.format }), ...(id === 'queryWidgets' ? { filter: 'Color==blue' } : {}) };
        reads.push([operationUrl(mock.url, op(id), { [idParam(op(id).path)]: DOCUMENTED_ID }, query, model), f.body]);
      }
    }
    for (const [url, body] of reads) expect(decodeJsonIn(model, body, await json(url, style), { strict: true }), url.href).toEqual(decodeIn(model, body, await xml(url), { strict: true }));
  });

  it("writes a query page's references wrapped twice, as EM writes every list inside an object", async () => {
    const page = JSON.parse(await json(operationUrl(mock.url, op('queryWidgets'), {}, { filter: 'Color==blue' }, model), '12')) as { Refs: { Refs: { UID: string }[] } };
    expect(page.Refs.Refs.map((r) => r.UID)).toContain(`urn:veeam:Widget:${DOCUMENTED_ID}`);
  });

  it('spins a widget with a JSON body in either casing, and refuses one whose Turns is not a number', async () => {
    const spin = op('spinWidget');
    const at = operationUrl(mock.url, spin, { [idParam(spin.path)]: DOCUMENTED_ID }, {}, model);
    const post = (body: string) =>
      fetch(at, { method: 'POST', headers: { [model.api.sessionHeader]: session.token, 'Content-Type': 'application/json', Accept: 'application/json' }, body });
    for (const body of ['{"Turns":2}', '{"turns":2}']) {
      const response = await post(body);
      expect(response.status).toBe(202);
      expect(decodeJsonIn(model, 'Task', await response.text(), { strict: true })).toMatchObject({ Operation: 'SpinWidget' });
    }
    const refused = await post('{"Turns":"two"}');
    expect(refused.status).toBe(400);
    expect(decodeJsonIn(model, model.api.errorBody, await refused.text(), { strict: true })).toMatchObject({ StatusCode: 400 });
  });
});
