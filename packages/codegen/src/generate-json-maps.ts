import type { JsonTypeMap } from '@vbem/models';
import { header } from './header.js';
import type { Spec } from './spec-model.js';

/** Per object type, where its JSON departs from the rules that derive it from its XML map: only the types that say so. */
export function jsonMapsOf(spec: Spec): Record<string, JsonTypeMap> {
  const maps: Record<string, JsonTypeMap> = {};
  for (const t of spec.types) if (t.kind === 'object' && t.json) maps[t.name] = t.json;
  return maps;
}

/** `json-maps.gen.ts`: the JSON departures of the types that have some. */
export function generateJsonMaps(spec: Spec): string {
  return (
    header('JSON maps') +
    "import type { JsonTypeMap } from '../spec-types.js';\n\n" +
    `export const jsonMaps = ${JSON.stringify(jsonMapsOf(spec), null, 2)} as const satisfies Record<string, JsonTypeMap>;\n`
  );
}
