import { builtinModel, decodeIn, matchOperation, type ApiModel } from '@vbem/models';
import { defaultCredentials } from './default-credentials.js';
import { makeEntity } from './make-entity.js';
import { indexOf, type ModelIndex } from './model-index.js';
import type { MockEntity, MockState } from './mock-state.js';
import { createPrng, seedOf } from './prng.js';
import { Head, HEAD_FIELDS, LinkAttr } from './protocol-names.js';
import { VersionedMap } from './versioned-map.js';
import { lastParam } from './last-param.js';
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
}

/** An entity the documented examples name: its id, name and the entities its links point at. */
interface Documented {
  readonly id: string;
  name?: string;
  readonly refs: Record<string, string>;
  /** The fields of its documented entity form, where an example shows one: served as documented. */
  fields?: Record<string, unknown>;
}

/**
 * A fresh fake Enterprise Manager for a model: per collection, the entities the documented examples
 * name (and those their links point at), then `entities` generated ones, all deterministic for `seed`.
 * @example const state = createMockState({ entities: 20, seed: 7, users: { alice: 's3cret' } });
 */
export function createMockState(options: MockStateOptions = {}): MockState {
  const model = options.model ?? builtinModel;
  const index = indexOf(model);
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date('2025-01-14T00:00:00Z');
  const documented = documentedEntities(index);
  const collections = new Map<string, Map<string, MockEntity>>();
  const timestamps = options.timestamps ?? 'milliseconds';
  const world = { index, collections, now, timestamps };

  const build = (type: string) => {
    const entities = new VersionedMap<string, MockEntity>();
    const make = (id: string, n: number, name: string | undefined, documentedRefs: Readonly<Record<string, string>>, fields?: Record<string, unknown>) => {
      entities.set(id, makeEntity(world, type, id, n, name, documentedRefs, fields));
    };
    for (const d of documented.get(type)?.values() ?? []) make(d.id, entities.size + 1, d.name, d.refs, d.fields);
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

/** The id of an entity from an href of its item operation, with its collection. */
function entityOfHref(index: ModelIndex, href: unknown): { type: string; id: string } | undefined {
  if (typeof href !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const match = matchOperation('GET', url, index.model);
  if (!match || index.kind(match.operation) !== 'item' || !match.operation.entity) return undefined;
  const param = lastParam(match.operation.path);
  const id = param === undefined ? undefined : match.params[param];
  return id === undefined ? undefined : { type: match.operation.entity, id: id.toLowerCase() };
}

/**
 * The entities the documented response examples of entity operations name, per collection in
 * example order: every reference or entity (an object with an href of an item operation and a
 * UID), and every link whose Type maps to a collection.
 */
function documentedEntities(index: ModelIndex): Map<string, Map<string, Documented>> {
  const out = new Map<string, Map<string, Documented>>();
  const note = (type: string, id: string, name: unknown): Documented => {
    let byId = out.get(type);
    if (!byId) out.set(type, (byId = new Map()));
    let d = byId.get(id);
    if (!d) byId.set(id, (d = { id, refs: {} }));
    if (d.name === undefined && typeof name === 'string') d.name = name;
    return d;
  };
  const { model } = index;
  for (const example of model.examples) {
    const operation = example.operation === undefined ? undefined : model.operations[example.operation];
    if (example.request || !operation?.entity || (example.status !== undefined && example.status >= 400)) continue;
    let value: unknown;
    try {
      value = decodeIn(model, example.type, example.xml);
    } catch {
      continue;
    }
    // The documented request names the id of the entity a single-item body documents (even where the body's own Href is a doc typo).
    const param = index.kind(operation) === 'item' ? lastParam(operation.path) : undefined;
    const rootId = param === undefined ? undefined : example.params?.[param]?.toLowerCase();
    const walk = (node: unknown, owner: Documented | undefined) => {
      if (Array.isArray(node)) {
        for (const item of node) walk(item, owner);
        return;
      }
      if (node === null || typeof node !== 'object' || node instanceof Date) return;
      const o = node as Record<string, unknown>;
      let self = owner;
      if (o[LinkAttr.Rel] !== undefined && typeof o[LinkAttr.Type] === 'string') {
        const type = index.collectionOfLink(o[LinkAttr.Type] as string);
        const at = type === undefined ? undefined : entityOfHref(index, o[LinkAttr.Href]);
        if (type !== undefined && at?.type === type) {
          note(type, at.id, o[LinkAttr.Name]);
          if (owner && type !== (ownerType.get(owner) ?? '') && owner.refs[type] === undefined) owner.refs[type] = at.id;
        }
        return;
      }
      if (o[Head.UID] !== undefined) {
        const at = node === value && rootId !== undefined ? { type: operation.entity!, id: rootId } : entityOfHref(index, o[Head.Href]);
        if (at) {
          self = note(at.type, at.id, o[Head.Name]);
          ownerType.set(self, at.type);
          const own = Object.entries(o).filter(([key]) => !HEAD_FIELDS.has(key) && key !== Head.Name);
          if (own.length > 0 && self.fields === undefined) self.fields = Object.fromEntries(own);
        }
      }
      for (const v of Object.values(o)) walk(v, self);
    };
    walk(value, undefined);
  }
  return out;
}

const ownerType = new WeakMap<Documented, string>();
