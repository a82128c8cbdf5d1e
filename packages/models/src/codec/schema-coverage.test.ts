import { describe, expect, it } from 'vitest';
import { checkSchema, mapFields, modelSchema, parseScalar, xmlMaps, type ElementField, type ScalarField, type ScalarType } from '../index.js';
import { mutate, prng } from '../../test/mutate.js';

// decode no longer runs ajv on what it decodes: the plan compiled from the XML map must enforce
// every constraint of the JSON Schema itself. This proves it type by type, keyword by keyword; a
// schema keyword the map has no counterpart for fails here, naming the type and property.

type Schema = Record<string, unknown>;
const definitions = modelSchema.definitions;
const resolve = (s: Schema): Schema => {
  if (typeof s.$ref !== 'string') return s;
  const name = s.$ref.replace('#/definitions/', '');
  const target = definitions[name]!;
  // An alias of an enum or scalar is inlined; an object type stays a reference.
  return target.type === 'object' ? s : { ...target, ...s, $ref: undefined };
};
const refName = (s: Schema) => (typeof s.$ref === 'string' ? s.$ref.replace('#/definitions/', '') : undefined);

const UID_PATTERN = '^urn:veeam:[A-Za-z_0-9-]+:[A-Za-z_0-9-]+$';
const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The keywords of a scalar's schema that the scalar's parser (with the map's enum) enforces. */
function checkScalar(where: string, field: { scalar?: ScalarType; enum?: readonly string[] }, s: Schema): void {
  const { description: _d, $ref: _r, ...constraints } = s;
  for (const [keyword, value] of Object.entries(constraints)) {
    if (value === undefined) continue;
    const ok =
      keyword === 'type'
        ? (value === 'string' && ['string', 'dateTime', 'guid', 'uid', 'url'].includes(field.scalar!)) || (value === 'integer' && ['int', 'long'].includes(field.scalar!)) || (value === 'boolean' && field.scalar === 'boolean')
        : keyword === 'format'
          ? (value === 'date-time' && field.scalar === 'dateTime') || (value === 'uri' && field.scalar === 'url') || (value === 'uuid' && field.scalar === 'guid')
          : keyword === 'pattern'
            ? (value === UID_PATTERN && field.scalar === 'uid') || (value === GUID_PATTERN && field.scalar === 'guid')
            : keyword === 'enum'
              ? JSON.stringify([...(field.enum ?? [])].sort()) === JSON.stringify([...(value as string[])].sort())
              : keyword === 'const'
                ? JSON.stringify(field.enum) === JSON.stringify([value])
                : false;
    expect(ok, `${where}: the schema's ${keyword}: ${JSON.stringify(value)} is not enforced by the map's ${JSON.stringify(field)}`).toBe(true);
  }
}

describe('the XML maps enforce every constraint of the JSON Schema, so decode needs no ajv', () => {
  it.each(Object.entries(xmlMaps))('%s', (type, map) => {
    const definition = definitions[type]!;
    expect(definition, `no schema definition ${type}`).toBeDefined();
    expect(definition.type).toBe('object');
    // Decoding assigns mapped fields only.
    expect(definition.additionalProperties).toBe(false);
    const properties = definition.properties as Record<string, Schema>;
    const fields: readonly (ScalarField | ElementField)[] = mapFields(map);
    expect(Object.keys(properties).sort()).toEqual(fields.map((f) => f.name).sort());
    // What the schema requires, decoding requires (a repeated element is always there, as an array).
    for (const name of (definition.required as string[] | undefined) ?? []) {
      const field = fields.find((f) => f.name === name)!;
      expect(!field.optional || ('repeated' in field && field.repeated), `${type}.${name} is required by the schema, optional in the map`).toBe(true);
    }
    for (const field of fields) {
      const where = `${type}.${field.name}`;
      const s = resolve(properties[field.name]!);
      const element = 'repeated' in field ? field : undefined;
      if (element && (element.repeated || element.item !== undefined)) {
        expect(s.type, where).toBe('array');
        const { description: _d, type: _t, items, ...rest } = s;
        expect(rest, `${where}: array keywords the map does not enforce`).toEqual({});
        const item = resolve(items as Schema);
        if (element.type !== undefined) expect(refName(item), where).toBe(element.type);
        else checkScalar(`${where}[]`, element, item);
      } else if (element?.type !== undefined) {
        expect(refName(s), where).toBe(element.type);
      } else if (element?.raw) {
        // Content kept as written: any string the Scanner finds well-formed.
        expect(s.type, where).toBe('string');
      } else {
        checkScalar(where, field, s);
      }
    }
  });

  it('the url scalar accepts only what the schema\'s uri format accepts', () => {
    const random = prng(7);
    const seeds = ['https://localhost:9398/api/', 'http://em/api/query?type=X&format=Entities', 'urn:veeam:X:1', 'mailto:a@b', 'a:b', 'a:', ':b', '1http://x', 'http ://x', 'http://x y', 'http://[::1]:9398/', 'https://ü.example/é', 'h+t.t-p://x'];
    const candidates = [...seeds, ...Array.from({ length: 3000 }, (_, i) => mutate(seeds[i % seeds.length]!, random))];
    const accepted = candidates.filter((c) => parseScalar('url', c) !== undefined);
    expect(accepted.length).toBeGreaterThan(100);
    for (const href of accepted) expect(checkSchema('Link', { Rel: 'Up', Href: href }), JSON.stringify(href)).toEqual([]);
  });

  it('the dateTime scalar gives only valid Dates, and the int scalar only safe integers', () => {
    const random = prng(8);
    for (let i = 0; i < 3000; i++) {
      const date = parseScalar('dateTime', mutate('2015-12-07T17:38:16.077Z', random));
      if (date !== undefined) expect(Number.isNaN((date as Date).getTime())).toBe(false);
      const int = parseScalar('int', mutate('-9007199254740991', random));
      if (int !== undefined) expect(Number.isSafeInteger(int)).toBe(true);
    }
  });
});
