import { describe, expect, it } from 'vitest';
import { modelOf } from './model-of.js';
import { specWithApi } from '../test/spec-from.js';

const WIDGETS = `types:
  Widget: { root: Widget, attributes: { Href: { type: url }, Name: { type: string } } }
  SpinSpec: { root: SpinSpec, elements: { Turns: { type: int } } }
operations:
  getWidget:
    summary: One widget.
    docs: widgets.html
    resource: widgets
    entity: Widget
    method: GET
    path: /widgets/{id}
    auth: session
    params: { id: { type: guid } }
    responses:
      200:
        body: Widget
        linkType: Widget
        links: { Up: [Widget, WidgetReference], Alternate: Widget }
  spinWidget:
    summary: Spins a widget.
    docs: widgets.html
    resource: widgets
    entity: Widget
    method: POST
    path: /widgets/{id}
    auth: session
    params: { id: { type: guid } }
    query: { action: { type: string, const: spin } }
    requestBody: { type: SpinSpec }
    task: { operation: SpinWidget, creates: Widget }
    responses:
      202: { body: Widget, linkType: WidgetTask }
    examples:
      - { file: spin.xml, request: true }
`;
const PROTOCOL = 'protocol: { entryPoint: getWidget, logon: spinWidget, logonSession: getWidget, logoff: spinWidget, authProbe: getWidget }\n';

describe('modelOf', () => {
  it('lists every link of a Rel in document order, one Type each', () => {
    const model = modelOf(specWithApi(PROTOCOL, WIDGETS));
    expect(model.operations.getWidget!.responses[0]!.formats[0]!.links).toEqual([
      { rel: 'Up', type: 'Widget' },
      { rel: 'Up', type: 'WidgetReference' },
      { rel: 'Alternate', type: 'Widget' },
    ]);
  });

  it('keeps the entity, the task and the request example of an action, and makes only GETs link targets', () => {
    const model = modelOf(specWithApi(PROTOCOL, WIDGETS));
    expect(model.operations.spinWidget).toMatchObject({ entity: 'Widget', task: { operation: 'SpinWidget', creates: ['Widget'] }, requestBody: { type: 'SpinSpec', optional: false } });
    expect(model.examples).toContainEqual(expect.objectContaining({ file: 'spin.xml', type: 'SpinSpec', operation: 'spinWidget', request: true }));
    expect(Object.keys(model.linkTargets)).toEqual(['Widget']);
  });

  it('leads a link Type served at several paths to every GET that serves it, in spec order', () => {
    const spare = WIDGETS.replace('  spinWidget:', `  getSpareWidget:
    summary: A widget kept as a spare, served in the same form.
    docs: widgets.html
    resource: spares
    entity: Widget
    method: GET
    path: /spares/{id}
    auth: session
    params: { id: { type: guid } }
    responses:
      200: { body: Widget, linkType: Widget }
  spinWidget:`);
    const model = modelOf(specWithApi(PROTOCOL, spare));
    expect(model.linkTargets.Widget).toEqual([
      { operation: 'getWidget', format: 'default', body: 'Widget' },
      { operation: 'getSpareWidget', format: 'default', body: 'Widget' },
    ]);
  });
});
