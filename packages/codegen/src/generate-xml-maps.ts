import type { ScalarField, ScalarType, XmlTypeMap } from '@vbem/models';
import { flatten } from './flatten.js';
import { header } from './header.js';
import { isScalar, RAW_XML, type FieldDef, type Spec } from './spec-model.js';

/** Per object type, which fields are attributes and which elements, in order. */
export function xmlMapsOf(spec: Spec): Record<string, XmlTypeMap> {
  const enumValues = new Map(spec.types.flatMap((t) => (t.kind === 'enum' ? [[t.name, t.values] as const] : [])));
  const scalarOf = (f: FieldDef): { scalar: ScalarType; enum?: readonly string[] } | { type: string } | { raw: true } =>
    isScalar(f.type) ? { scalar: f.type } : enumValues.has(f.type) ? { scalar: 'string', enum: enumValues.get(f.type)! } : f.type === RAW_XML ? { raw: true } : { type: f.type };
  const maps: Record<string, XmlTypeMap> = {};
  for (const t of spec.types) {
    if (t.kind !== 'object') continue;
    const { attributes, elements, text, rules } = flatten(spec, t);
    const scalarField = (a: FieldDef): ScalarField => ({ name: a.name, ...(scalarOf(a) as Pick<ScalarField, 'scalar' | 'enum'>), optional: a.optional, ...(a.refers ? { refers: a.refers } : {}), ...(a.where ? { where: a.where } : {}) });
    maps[t.name] = {
      ...(t.root ? { root: t.root } : {}),
      attributes: attributes.map(scalarField),
      elements: elements.map((e) => ({
        name: e.name,
        ...scalarOf(e),
        ...(e.item ? { item: e.item } : {}),
        repeated: e.repeated,
        optional: e.optional,
        ...(e.refers ? { refers: e.refers } : {}),
        ...(e.where ? { where: e.where } : {}),
        ...(e.forms ? { forms: e.forms } : {}),
        ...(e.itemForms ? { itemForms: e.itemForms } : {}),
      })),
      ...(text ? { text: scalarField(text) } : {}),
      ...(t.choice ? { choice: true as const } : {}),
      ...(rules.length > 0 ? { rules } : {}),
    };
  }
  return maps;
}

/** `xml-maps.gen.ts`: the XML maps of every object type. */
export function generateXmlMaps(spec: Spec): string {
  const maps = xmlMapsOf(spec);
  return (
    header('XML maps') +
    "import type { XmlTypeMap } from '../spec-types.js';\n\n" +
    `export const xmlMaps = ${JSON.stringify(maps, null, 2)} as const satisfies Record<string, XmlTypeMap>;\n`
  );
}
