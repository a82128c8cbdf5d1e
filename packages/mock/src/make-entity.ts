import { operationUrl } from '@vbem/models';
import { admits } from './admits.js';
import { generateFields, STATE_ORIGIN } from './generate-fields.js';
import type { ModelIndex } from './model-index.js';
import type { MockEntity } from './mock-state.js';
import { createPrng, seedOf } from './prng.js';
import { Head } from './protocol-names.js';
import type { Timestamps } from './timestamps.js';

/** What making an entity needs: the model and the collections built so far. */
export interface EntityWorld {
  readonly index: ModelIndex;
  readonly collections: ReadonlyMap<string, ReadonlyMap<string, MockEntity>>;
  /** Generated date-times fall in the 30 days before this. */
  readonly now: Date;
  /** How generated date-times are written. */
  readonly timestamps: Timestamps;
}

/**
 * An entity of a type, deterministic for its id: its documented fields where an example shows
 * them, generated ones otherwise; it refers to the entities `wanted` names where they exist, and
 * to one picked entity of each other referenced type (one its fields' `where` admits).
 * @example makeEntity(world, 'Thing', id, 3, undefined, {})
 */
export function makeEntity(
  world: EntityWorld,
  type: string,
  id: string,
  n: number,
  name: string | undefined,
  wanted: Readonly<Record<string, string>>,
  documented?: Readonly<Record<string, unknown>>,
): MockEntity {
  const { index, collections } = world;
  const prng = createPrng(seedOf(`${type}:${id}`));
  const refs: Record<string, string> = {};
  for (const other of index.referencedTypes(type)) {
    const pool = collections.get(other);
    const want = wanted[other];
    if (want !== undefined && pool?.has(want)) refs[other] = want;
    else if (pool && pool.size > 0) {
      // One its `where` admits, or any when none is (the collection has none of that kind).
      const admitted = [...pool.values()].filter((e) => admits(index.map(type), e)).map((e) => e.id);
      refs[other] = prng.pick(admitted.length > 0 ? admitted : [...pool.keys()]);
    }
  }
  const entryPoint = index.model.operations[index.model.api.protocol.entryPoint];
  const plainHref = entryPoint ? operationUrl(STATE_ORIGIN, entryPoint, {}, {}, index.model).href : `${STATE_ORIGIN}${index.model.api.basePath}/`;
  const referenced = (t: string) => (refs[t] === undefined ? undefined : collections.get(t)?.get(refs[t]));
  const fields = documented ? structuredClone({ ...documented }) : generateFields({ index, prng, type, n, now: world.now, timestamps: world.timestamps, plainHref, referenced });
  if (name !== undefined) fields[Head.Name] = name;
  return { id, type, fields, refs };
}
