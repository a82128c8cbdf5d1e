import type { FieldRule } from '@vbem/models';
import type { FieldDef, ObjectDef, Spec } from './spec-model.js';

/** An object type with its base types' fields first, as XSD extension orders them, and its base types' rules with its own. */
export function flatten(spec: Pick<Spec, 'types'>, type: ObjectDef): { attributes: FieldDef[]; elements: FieldDef[]; text?: FieldDef; rules: FieldRule[] } {
  const base = type.extends ? spec.types.find((t) => t.name === type.extends) : undefined;
  const inherited: ReturnType<typeof flatten> = base?.kind === 'object' ? flatten(spec, base) : { attributes: [], elements: [], rules: [] };
  const text = type.text ?? inherited.text;
  const own = (list: FieldDef[], add: readonly FieldDef[]) => [...list.filter((f) => !add.some((a) => a.name === f.name)), ...add];
  return { attributes: own(inherited.attributes, type.attributes), elements: own(inherited.elements, type.elements), ...(text ? { text } : {}), rules: [...inherited.rules, ...type.rules] };
}
