import { builtinModel, type ApiModel } from '@vbem/models';
import { defaultCredentials } from './default-credentials.js';
import { documentedEntities, entitiesInBodies } from './entities-in-bodies.js';
import { makeEntity } from './make-entity.js';
import { indexOf, type ModelIndex } from './model-index.js';
import type { MockEntity, MockState } from './mock-state.js';
import { createPrng, seedOf } from './prng.js';
import type { Recording } from './read-recording.js';
import { VersionedMap } from './versioned-map.js';
import type { Timestamps } from './timestamps.js';

export interface MockStateOptions {
  /** The API to fake. (default: `builtinModel`) */
  model?: ApiModel;
  /** The seed of the generated entities: the same seed gives the same state. (default: 1) */
  seed?: number;
  /** How many entities to generate per collection beside the documented ones. (default: 8) */
  entities?: number;
  /** How many to generate for some entity types instead. (default: none) */
  counts?: Readonly<Record<string, number>>;
  /** User names and their passwords that may log on. (default: `{ Administrator: 'vbem-mock' }`) */
  users?: Readonly<Record<string, string>>;
  /** Generated date-times fall in the 30 days before this instant. (default: 2025-01-14T00:00:00Z) */
  now?: Date;
  /**
   * How generated date-times are written: `'milliseconds'` (`2025-01-10T08:30:00.000Z`) or, as EM 13
   * writes them, `'microseconds'` (`2026-06-16T06:33:10.659559Z`). Documented entities keep the
   * documented values. (default: `'milliseconds'`)
   */
  timestamps?: Timestamps;
  /**
   * Recorded bodies (`readRecording` of a HAR file) to load: a collection the recording names
   * entities of holds those, with their recorded ids, names and fields (and generated fields where
   * it holds a reference only); the others are built as without it. (default: none)
   */
  recording?: Recording;
}

/**
 * A fresh fake Enterprise Manager for a model: per collection, the entities the documented examples
 * name (and those their links point at), then `entities` generated ones, all deterministic for `seed`;
 * or, for a collection a `recording` names entities of, those.
 * @example const state = createMockState({ entities: 20, seed: 7, users: { alice: 's3cret' } });
 */
export function createMockState(options: MockStateOptions = {}): MockState {
  const model = options.recording?.model ?? options.model ?? builtinModel;
  const index = indexOf(model);
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date('2025-01-14T00:00:00Z');
  const documented = documentedEntities(index);
  const recorded = options.recording ? entitiesInBodies(index, options.recording.bodies.map((b) => ({ ...b, operation: model.operations[b.operation]! }))) : undefined;
  const collections = new Map<string, Map<string, MockEntity>>();
  const timestamps = options.timestamps ?? 'milliseconds';
  const world = { index, collections, now, timestamps };

  const build = (type: string) => {
    const entities = new VersionedMap<string, MockEntity>();
    const make = (id: string, n: number, name: string | undefined, documentedRefs: Readonly<Record<string, string>>, fields?: Record<string, unknown>) => {
      entities.set(id, makeEntity(world, type, id, n, name, documentedRefs, fields));
    };
    const fromRecording = recorded?.get(type);
    for (const d of (fromRecording ?? documented.get(type))?.values() ?? []) make(d.id, entities.size + 1, d.name, d.refs, d.fields);
    // A recorded collection is the server's copy: nothing made up beside it.
    if (fromRecording) {
      collections.set(type, entities);
      return;
    }
    const prng = createPrng(seedOf(`${seed}:${type}`));
    const count = options.counts?.[type] ?? options.entities ?? 8;
    for (let i = 0; i < count; i++) {
      let id = prng.guid();
      while (entities.has(id)) id = prng.guid();
      make(id, entities.size + 1, undefined, {});
    }
    collections.set(type, entities);
  };
  for (const type of dependencyOrder(index)) build(type);

  const users = options.users ?? { [defaultCredentials.user]: defaultCredentials.password };
  // Collections in the model's order, not the order they were built in.
  const ordered = new Map(index.collections.map((type) => [type, collections.get(type)!]));
  return { model, collections: ordered, tasks: new Map(), users: new Map(Object.entries(users)), logons: new Map(), now, timestamps };
}

/** Referenced types before the types referring to them; a cycle is broken where it closes. */
function dependencyOrder(index: ModelIndex): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (type: string) => {
    if (state.has(type)) return;
    state.set(type, 'visiting');
    for (const other of index.referencedTypes(type)) visit(other);
    state.set(type, 'done');
    order.push(type);
  };
  for (const type of index.collections) visit(type);
  return order;
}
