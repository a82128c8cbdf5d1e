import { describe, expect, it } from 'vitest';
import { builtinModel, decodeJsonIn, encodeJsonIn, JsonShapeError, PreciseDate, type ApiModel, type JsonTypeMap, type XmlTypeMap } from '../../index.js';

// A model read at run time (another spec) gets JSON plans from its own XML maps and its own JSON departures.
const maps: Record<string, XmlTypeMap> = {
  Widget: {
    root: 'Widget',
    attributes: [{ name: 'Id', scalar: 'long', optional: false }],
    elements: [
      { name: 'Parts', type: 'Part', item: 'Part', repeated: false, optional: true },
      { name: 'MadeUTC', scalar: 'dateTime', repeated: false, optional: false },
      { name: 'Tag', scalar: 'string', enum: ['a', 'b'], repeated: true, optional: true },
    ],
  },
  Part: { attributes: [{ name: 'Name', scalar: 'string', optional: false }], elements: [] },
};
const modelOf = (jsonMaps?: Record<string, JsonTypeMap>): ApiModel => ({ ...builtinModel, xmlMaps: maps, jsonMaps });
const value = { Id: 9007199254740991, Parts: [{ Name: 'x' }], MadeUTC: PreciseDate.fromText('2026-01-02T03:04:05Z')!, Tag: ['a', 'b'] };

describe('decodeJsonIn and encodeJsonIn with a model of another spec', () => {
  it('follows the rules on its maps alone: a repeated element by its plural, a wrapper list wrapped twice', () => {
    const json = '{"Id":9007199254740991,"Parts":{"Parts":[{"Name":"x"}]},"MadeUTC":"2026-01-02T03:04:05Z","Tags":["a","b"]}';
    expect(decodeJsonIn(modelOf(), 'Widget', json)).toEqual(value);
    expect(JSON.parse(encodeJsonIn(modelOf(), 'Widget', value))).toEqual(JSON.parse(json));
    expect(decodeJsonIn(modelOf(), 'Widget', '{"id":9007199254740991,"parts":{"parts":[{"name":"x"}]},"madeUTC":"2026-01-02T03:04:05Z","tags":["a","b"]}')).toEqual(value);
  });

  it('applies its own departures, compiled apart from another model with the same XML maps', () => {
    const departed = modelOf({ Part: { list: 'array' }, Widget: { names: { MadeUTC: 'Made1' } } });
    const json = '{"Id":9007199254740991,"Parts":[{"Name":"x"}],"Made1":"2026-01-02T03:04:05Z","Tags":["a","b"]}';
    expect(decodeJsonIn(departed, 'Widget', json)).toEqual(value);
    expect(JSON.parse(encodeJsonIn(departed, 'Widget', value, { casing: 'camelCase' }))).toMatchObject({ made1: '2026-01-02T03:04:05Z', parts: [{ name: 'x' }] });
    expect(() => decodeJsonIn(modelOf(), 'Widget', json, { strict: true })).toThrow(JsonShapeError);
  });
});
