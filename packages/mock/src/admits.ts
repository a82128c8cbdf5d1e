import type { XmlTypeMap } from '@vbem/models';
import type { MockEntity } from './mock-state.js';

/**
 * Whether an entity may be the one an entity of `map`'s type refers to: every `where` of the fields
 * that refer to its type holds for its fields (the spec's `where` on a `refers` field).
 * @example admits(index.map(type), candidate) // false when a `where` of `type` excludes it
 */
export function admits(map: XmlTypeMap, entity: MockEntity): boolean {
  return [...map.attributes, ...map.elements].every(
    (f) => f.refers !== entity.type || f.where === undefined || Object.entries(f.where).every(([name, values]) => values.includes(String(entity.fields[name]))),
  );
}
