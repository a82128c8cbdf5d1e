import type { FieldDef, ObjectDef, Spec } from './spec-model.js';

/** An object type with its base types' fields first, as XSD extension orders them. */
export function flatten(spec: Spec, type: ObjectDef): { attributes: FieldDef[]; elements: FieldDef[] } {
  const base = type.extends ? spec.types.find((t) => t.name === type.extends) : undefined;
  const inherited = base?.kind === 'object' ? flatten(spec, base) : { attributes: [], elements: [] };
  const own = (list: FieldDef[], add: readonly FieldDef[]) => [...list.filter((f) => !add.some((a) => a.name === f.name)), ...add];
  return { attributes: own(inherited.attributes, type.attributes), elements: own(inherited.elements, type.elements) };
}
