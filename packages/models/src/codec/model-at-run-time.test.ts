import { describe, expect, it } from 'vitest';
import { builtinModel, decodeIn, encodeIn, NamespaceError, XmlShapeError, type ApiModel, type XmlTypeMap } from '../index.js';

// A model read at run time (another spec) gets plans compiled from its own maps, cached per maps object.
const NS = 'urn:example:widgets:v2';
const widgetMaps = (idScalar: 'long' | 'string'): Record<string, XmlTypeMap> => ({
  Widget: {
    root: 'Widget',
    attributes: [{ name: 'Id', scalar: idScalar, optional: false }],
    elements: [
      { name: 'Parts', type: 'Part', item: 'Part', repeated: false, optional: true },
      { name: 'Made', scalar: 'dateTime', repeated: false, optional: false, refers: 'Factory' },
      { name: 'Tag', scalar: 'string', enum: ['a', 'b'], repeated: true, optional: true },
    ],
  },
  Part: { attributes: [{ name: 'Name', scalar: 'string', optional: false }], elements: [] },
});
const modelOf = (maps: Record<string, XmlTypeMap>): ApiModel => ({ ...builtinModel, api: { ...builtinModel.api, namespace: NS }, xmlMaps: maps });

describe('decodeIn and encodeIn with a model of another spec', () => {
  const xml = `<w:Widget xmlns:w="${NS}" Id="9007199254740991"><w:Parts><w:Part Name="x"/><w:Part Name="y"/></w:Parts><w:Made>2026-01-02T03:04:05Z</w:Made><w:Tag>a</w:Tag></w:Widget>`;

  it('decodes and encodes by the maps of the model given', () => {
    const model = modelOf(widgetMaps('long'));
    const value = decodeIn(model, 'Widget', xml);
    expect(value).toEqual({ Id: 9007199254740991, Parts: [{ Name: 'x' }, { Name: 'y' }], Made: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), Tag: ['a'] });
    expect(encodeIn(model, 'Widget', value)).toBe(
      `<Widget xmlns="${NS}" Id="9007199254740991"><Parts><Part Name="x"/><Part Name="y"/></Parts><Made>2026-01-02T03:04:05Z</Made><Tag>a</Tag></Widget>`,
    );
    expect(() => decodeIn(model, 'Widget', xml.replace('9007199254740991', '9007199254740993'))).toThrow(XmlShapeError);
  });

  it('compiles each maps object on its own: the same type name in two models reads by its own map', () => {
    expect(decodeIn(modelOf(widgetMaps('string')), 'Widget', xml)).toMatchObject({ Id: '9007199254740991' });
    expect(decodeIn(modelOf(widgetMaps('long')), 'Widget', xml)).toMatchObject({ Id: 9007199254740991 });
  });

  it('matches the namespace of the model, not the built-in one', () => {
    expect(() => decodeIn(builtinModel, 'ErrorBody', xml)).toThrow(NamespaceError);
    expect(() => decodeIn(modelOf(widgetMaps('long')), 'Widget', xml.replaceAll(NS, builtinModel.api.namespace))).toThrow(NamespaceError);
  });
});
