import { operationUrl, successOf, type ApiModel, type OperationSpec, type XmlTypeMap } from '@vbem/models';
import { uidOf } from './uid-of.js';
import { lastParam } from './last-param.js';
import type { BodyFormat } from './body-format.js';

/** What the mock does for an operation, from its shape in the model. */
export type HandlerKind = 'protocol' | 'list' | 'item' | 'sub-collection' | 'query' | 'action' | 'document' | 'unsupported';

/** The facts about a model the mock reads on every request, worked out once per model. */
export interface ModelIndex {
  readonly model: ApiModel;
  /** Entity types with an item operation, the collections of the state. */
  readonly collections: readonly string[];
  kind(operation: OperationSpec): HandlerKind;
  /** The GET of one entity of a type. */
  itemOperation(type: string): OperationSpec | undefined;
  /** The collection a link Type points into, if any. */
  collectionOfLink(linkType: string): string | undefined;
  /** Entity types whose entities an entity of `type` refers to (fields and links), itself excluded. */
  referencedTypes(type: string): readonly string[];
  /**
   * The entity type of the item operation an operation's path extends (the longest such), and its parameter:
   * a sub-collection's owner, or the parent of an item that exists only under another (`/things/{id}/parts/{partId}`).
   */
  parentOf(operation: OperationSpec): { readonly type: string; readonly param: string } | undefined;
  /** The path parameters of an entity's item operation: its id, and its parents' ids from its refs; undefined when one is missing. */
  itemParams(entity: EntityAddress): Record<string, string> | undefined;
  /** The href of an entity in one format of its item operation (`default` or another). */
  hrefOf(origin: string, entity: EntityAddress, format?: string): string | undefined;
  /** The entity form representation of a type (its item operation's representation whose body is the type). */
  entityRepresentation(type: string): BodyFormat | undefined;
  /** The reference form representation of a type (its item operation's other representation). */
  referenceRepresentation(type: string): BodyFormat | undefined;
  uidOf(type: string, id: string): string;
  map(type: string): XmlTypeMap;
}

/** What names an entity's URL: its type, its id, and the entities it refers to (its parents among them). */
export interface EntityAddress {
  readonly type: string;
  readonly id: string;
  readonly refs: Readonly<Record<string, string>>;
}

const cache = new WeakMap<ApiModel, ModelIndex>();
const constQuery = (op: OperationSpec, name?: string) => op.query.some((q) => q.const !== undefined && (name === undefined || q.name === name));

/**
 * The model's collections, handler kinds and hrefs, cached per model.
 * @example indexOf(builtinModel).kind(builtinModel.operations[id]!) // 'list'
 */
export function indexOf(model: ApiModel): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const ops = Object.values(model.operations);
  // The protocol's own operations; the auth probe is an ordinary operation the protocol only borrows.
  const { authProbe: _probe, ...own } = model.api.protocol;
  const protocol = new Set(Object.values(own).filter((id): id is string => typeof id === 'string'));
  const items = new Map<string, OperationSpec>();
  for (const op of ops) {
    if (op.method === 'GET' && op.entity && lastParam(op.path) && !constQuery(op) && !protocol.has(op.id) && !items.has(op.entity)) items.set(op.entity, op);
  }
  const collections = [...items.keys()];
  const kinds = new Map<OperationSpec, HandlerKind>();
  for (const op of ops) kinds.set(op, kindOf(op, protocol));
  const map = (type: string): XmlTypeMap => model.xmlMaps[type] ?? { attributes: [], elements: [] };
  // Only a link to an item names an entity; one to a sub-collection (a session's task sessions) names its owner's list.
  const collectionOfLink = (linkType: string) => {
    for (const target of Object.hasOwn(model.linkTargets, linkType) ? model.linkTargets[linkType]! : []) {
      const operation = model.operations[target.operation];
      const entity = operation && kinds.get(operation) === 'item' ? operation.entity : undefined;
      if (entity !== undefined && items.has(entity)) return entity;
    }
    return undefined;
  };

  const parentOf = (op: OperationSpec) => {
    let best: { type: string; param: string; length: number } | undefined;
    for (const [type, item] of items) {
      const param = lastParam(item.path);
      if (param && op.path.startsWith(`${item.path}/`) && item.path.length > (best?.length ?? -1)) best = { type, param, length: item.path.length };
    }
    return best && { type: best.type, param: best.param };
  };
  /** The parents of an item type, nearest first: none for an item addressed by its own id alone. */
  const ancestors = (type: string): { type: string; param: string }[] => {
    const out: { type: string; param: string }[] = [];
    for (let item = items.get(type); item !== undefined; ) {
      const parent = parentOf(item);
      if (!parent || out.some((p) => p.type === parent.type)) break;
      out.push(parent);
      item = items.get(parent.type);
    }
    return out;
  };

  // What an entity refers to: its `refers` fields, its documented links, and the entities it exists under.
  const direct = new Map<string, readonly string[]>();
  const directReferences = (type: string): readonly string[] => {
    const known = direct.get(type);
    if (known) return known;
    const out = new Set<string>();
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const m = map(name);
      for (const f of [...m.attributes, ...m.elements]) {
        if (f.refers && items.has(f.refers)) out.add(f.refers);
        if ('type' in f && f.type) walk(f.type);
      }
    };
    walk(type);
    for (const op of ops) {
      if (op.entity !== type) continue;
      for (const r of op.responses) for (const f of r.formats) for (const l of f.links ?? []) {
        const c = collectionOfLink(l.type);
        if (c) out.add(c);
      }
    }
    for (const parent of ancestors(type)) out.add(parent.type);
    out.delete(type);
    const list = [...out];
    direct.set(type, list);
    return list;
  };
  /** The types reachable from a type through what it refers to, and what those refer to. */
  const reachable = (type: string): Set<string> => {
    const seen = new Set<string>();
    const queue = [...directReferences(type)];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...directReferences(next));
    }
    return seen;
  };
  // A query field may name a related entity no field or link leads to (a backup's job): the entity refers to one of that type too.
  const referenced = new Map<string, readonly string[]>();
  const referencedTypes = (type: string): readonly string[] => {
    const known = referenced.get(type);
    if (known) return known;
    const around = reachable(type);
    const extra = ops
      .filter((op) => op.entity === type)
      .flatMap((op) => Object.values(op.queryFields ?? {}).map((source) => source.split('.')))
      .flatMap(([related, field]) => (field !== undefined && related !== type && items.has(related!) && !around.has(related!) ? [related!] : []));
    const list = [...new Set([...directReferences(type), ...extra])];
    referenced.set(type, list);
    return list;
  };

  function itemParams(entity: EntityAddress): Record<string, string> | undefined {
    const op = items.get(entity.type);
    const param = op && lastParam(op.path);
    if (!param) return undefined;
    const params: Record<string, string> = { [param]: entity.id };
    for (const parent of ancestors(entity.type)) {
      const id = entity.refs[parent.type];
      if (id === undefined) return undefined;
      params[parent.param] = id;
    }
    return params;
  }
  const representations = (type: string) => {
    const op = items.get(type);
    return op ? successOf(op).formats : [];
  };
  const index: ModelIndex = {
    model,
    collections,
    kind: (op) => kinds.get(op) ?? kindOf(op, protocol),
    itemOperation: (type) => items.get(type),
    collectionOfLink,
    referencedTypes,
    parentOf,
    itemParams,
    hrefOf(origin, entity, format = 'default') {
      const op = items.get(entity.type);
      const params = itemParams(entity);
      if (!op || !params) return undefined;
      return operationUrl(origin, op, params, format === 'default' ? {} : { [model.api.formatParam]: format }, model).href;
    },
    entityRepresentation: (type) => representations(type).find((f) => f.body === type),
    referenceRepresentation: (type) => representations(type).find((f) => f.body !== type),
    uidOf: (type, id) => uidOf(type, id),
    map,
  };
  cache.set(model, index);
  return index;
}

function kindOf(op: OperationSpec, protocol: ReadonlySet<string>): HandlerKind {
  if (protocol.has(op.id)) return 'protocol';
  if (op.queryFields !== undefined && op.method === 'GET') return 'query';
  if (op.method === 'POST' && op.entity && constQuery(op)) return 'action';
  if (op.method === 'GET' && !op.entity && !/\{\w+\}/.test(op.path) && !constQuery(op)) return 'document';
  if (op.method !== 'GET' || !op.entity) return 'unsupported';
  if (constQuery(op)) return 'unsupported';
  if (lastParam(op.path)) return 'item';
  if (/\{\w+\}/.test(op.path)) return 'sub-collection';
  return 'list';
}
