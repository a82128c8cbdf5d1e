import { describe, expect, it } from 'vitest';
import { builtinModel, decodeIn, decodeJsonIn, JsonShapeError, XmlShapeError, type ApiModel, type CodecIssue, type XmlTypeMap } from '../index.js';

// A model of another spec: a widget's finish is paint or polish, exactly one (an XSD choice).
const NS = 'urn:example:widgets:v3';
const maps: Record<string, XmlTypeMap> = {
  Widget: { root: 'Widget', attributes: [], elements: [{ name: 'Finish', type: 'WidgetFinish', repeated: false, optional: false }] },
  WidgetFinish: {
    choice: true,
    attributes: [],
    elements: [
      { name: 'Paint', scalar: 'string', repeated: false, optional: true },
      { name: 'Polish', scalar: 'int', repeated: false, optional: true },
    ],
  },
};
const model: ApiModel = { ...builtinModel, api: { ...builtinModel.api, namespace: NS }, xmlMaps: maps, jsonMaps: {} };
const xml = (finish: string) => `<Widget xmlns="${NS}"><Finish>${finish}</Finish></Widget>`;
const json = (finish: object) => JSON.stringify({ Finish: finish });

const readers = {
  XML: { error: XmlShapeError, path: '/Widget/Finish', names: '<Paint>, <Polish>', both: '<Paint> and <Polish>', read: (finish: Record<string, string | number>, options: object) => decodeIn(model, 'Widget', xml(Object.entries(finish).map(([k, v]) => `<${k}>${v}</${k}>`).join('')), options) },
  JSON: { error: JsonShapeError, path: '$.Finish', names: 'Paint, Polish', both: 'Paint and Polish', read: (finish: Record<string, string | number>, options: object) => decodeJsonIn(model, 'Widget', json(finish), options) },
};

describe.each(Object.entries(readers))('a choice in %s', (_, r) => {
  it('reads either alternative alone, strictly', () => {
    expect(r.read({ Paint: 'red' }, { strict: true })).toEqual({ Finish: { Paint: 'red' } });
    expect(r.read({ Polish: 400 }, { strict: true })).toEqual({ Finish: { Polish: 400 } });
  });

  it.each([
    ['none of them', {}, 'none'],
    ['both', { Paint: 'red', Polish: 400 }, 'both'],
  ] as const)('refuses %s in strict mode, saying what it expected and what came', (_, finish, actual) => {
    let error: unknown;
    try {
      r.read(finish, { strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(r.error);
    expect((error as XmlShapeError).issues).toContainEqual({ path: r.path, expected: `exactly one of ${r.names}`, actual: actual === 'none' ? 'none' : r.both, code: 'choice' });
  });

  it('warns of both in lenient mode and keeps what came', () => {
    const warnings: CodecIssue[] = [];
    expect(r.read({ Paint: 'red', Polish: 400 }, { onWarning: (w: CodecIssue) => warnings.push(w) })).toEqual({ Finish: { Paint: 'red', Polish: 400 } });
    expect(warnings).toEqual([{ path: r.path, expected: `exactly one of ${r.names}`, actual: r.both, code: 'choice' }]);
  });
});
