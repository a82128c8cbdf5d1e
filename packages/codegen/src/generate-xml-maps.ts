import { flatten } from './flatten.js';
import { header } from './header.js';
import { isScalar, type FieldDef, type Spec } from './spec-model.js';

/** `xml-maps.gen.ts`: per object type, which fields are attributes and which elements, in order. */
export function generateXmlMaps(spec: Spec): string {
  const enumValues = new Map(spec.types.flatMap((t) => (t.kind === 'enum' ? [[t.name, t.values] as const] : [])));
  const scalarOf = (f: FieldDef) =>
    isScalar(f.type) ? { scalar: f.type } : enumValues.has(f.type) ? { scalar: 'string', enum: enumValues.get(f.type) } : { type: f.type };
  const maps: Record<string, unknown> = {};
  for (const t of spec.types) {
    if (t.kind !== 'object') continue;
    const { attributes, elements } = flatten(spec, t);
    maps[t.name] = {
      ...(t.root ? { root: t.root } : {}),
      attributes: attributes.map((a) => ({ name: a.name, ...scalarOf(a), optional: a.optional })),
      elements: elements.map((e) => ({
        name: e.name,
        ...scalarOf(e),
        ...(e.item ? { item: e.item } : {}),
        repeated: e.repeated,
        optional: e.optional,
      })),
    };
  }
  return (
    header('XML maps') +
    "import type { XmlTypeMap } from '../spec-types.js';\n\n" +
    `export const xmlMaps = ${JSON.stringify(maps, null, 2)} as const satisfies Record<string, XmlTypeMap>;\n`
  );
}
