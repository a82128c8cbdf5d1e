import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { decodeIn, operationUrl, type ApiModel, type OperationSpec } from '@vbem/models';
import { serveMock, type MockServer } from './serve-mock.js';
import { mockSession } from './test-support/mock-session.js';

// The widgets overlay's parts exist only under their widget: /widgets/{id}/parts/{partId}.
const WIDGET = '0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11';
const PART = '5a1e0c2d-7b3f-4e8a-9c6d-1f2e3a4b5c6d';
let model: ApiModel;
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
const op = (id: string): OperationSpec => model.operations[id]!;
type Part = { Id: string; Href: string; Size: number; Links?: { Rel: string; Href: string }[] };

beforeAll(async () => {
  model = loadModelWith(join(specFixturesDir, 'widgets'));
  mock = await serveMock({ model });
  session = await mockSession(model, mock.url);
}, 60_000);
afterAll(async () => {
  await mock?.close();
});

const partsOf = async (widget: string): Promise<Part[]> => {
  const response = await session.get(operationUrl(mock.url, op('listWidgetParts'), { id: widget }, {}, model));
  expect(response.status).toBe(200);
  return (decodeIn(model, 'WidgetParts', await response.text()) as { WidgetPart?: Part[] }).WidgetPart ?? [];
};

describe('an item whose path names its parent item too', () => {
  it('keeps the documented part under the widget its request named, and serves it at both ids', async () => {
    expect(mock.state.collections.get('WidgetPart')!.get(PART)!.refs.Widget).toBe(WIDGET);
    const response = await session.get(operationUrl(mock.url, op('getWidgetPart'), { id: WIDGET, partId: PART }, {}, model));
    expect(response.status).toBe(200);
    const part = decodeIn(model, 'WidgetPart', await response.text()) as Part;
    expect(part.Size).toBe(7);
    expect(new URL(part.Href).pathname).toBe(`/api/widgets/${WIDGET}/parts/${PART}`);
  });

  it('keeps a part a documented list shows (no UID, only its href) under the widget its href names, with its documented fields', () => {
    const listed = mock.state.collections.get('WidgetPart')!.get('6b2f1d3e-8c4a-4f9b-8d7e-2a3b4c5d6e7f');
    expect(listed?.refs.Widget).toBe(WIDGET);
    expect(listed?.fields.Size).toBe(3);
  });

  it('answers 404 for a part asked for under a widget it does not belong to', async () => {
    const other = [...mock.state.collections.get('Widget')!.keys()].find((id) => id !== WIDGET)!;
    const response = await session.get(operationUrl(mock.url, op('getWidgetPart'), { id: other, partId: PART }, {}, model));
    expect(response.status).toBe(404);
  });

  it('lists under each widget exactly its own parts, each at an href naming both that resolves to it with an Up link to the widget', async () => {
    const seen = new Set<string>();
    for (const widget of mock.state.collections.get('Widget')!.keys()) {
      for (const part of await partsOf(widget)) {
        const path = new URL(part.Href).pathname.split('/');
        expect(path.slice(-4, -2)).toEqual(['widgets', widget]);
        seen.add(path.at(-1)!);
        const again = decodeIn(model, 'WidgetPart', await (await session.get(part.Href)).text()) as Part;
        expect(again.Href).toBe(part.Href);
        const up = again.Links?.find((l) => l.Rel === 'Up');
        expect(up && new URL(up.Href).pathname).toBe(`/api/widgets/${widget}`);
      }
    }
    expect([...seen].sort()).toEqual([...mock.state.collections.get('WidgetPart')!.keys()].sort());
  });
});
