import { decodeIn, mapFields, matchOperation, type OperationSpec } from '@vbem/models';
import { lastParam } from './last-param.js';
import type { ModelIndex } from './model-index.js';
import { Head, HEAD_FIELDS, LinkAttr } from './protocol-names.js';

/** An entity a body names: its id, name, the entities its links point at, and its own fields where the body shows them. */
export interface NamedEntity {
  readonly id: string;
  name?: string;
  readonly refs: Record<string, string>;
  /** The fields of its entity form, where a body shows one: served as they came. */
  fields?: Record<string, unknown>;
}

/** A decoded response body of an entity operation, and the id its request named (an item's). */
export interface EntityBody {
  readonly operation: OperationSpec;
  readonly value: unknown;
  readonly rootId?: string;
  /** The parent the request named, for an item that exists only under one. */
  readonly rootParent?: { readonly type: string; readonly id: string };
}

/** The id of an entity from an href of its item operation, with its collection, and its parent's where it exists under one. */
function entityOfHref(index: ModelIndex, href: unknown): { type: string; id: string; parent?: { type: string; id: string } } | undefined {
  if (typeof href !== 'string' || !URL.canParse(href)) return undefined;
  const match = matchOperation('GET', new URL(href), index.model);
  if (!match || index.kind(match.operation) !== 'item' || !match.operation.entity) return undefined;
  const param = lastParam(match.operation.path);
  const id = param === undefined ? undefined : match.params[param];
  const parent = index.parentOf(match.operation);
  const parentId = parent && match.params[parent.param];
  if (id === undefined) return undefined;
  return { type: match.operation.entity, id: id.toLowerCase(), ...(parent && parentId ? { parent: { type: parent.type, id: parentId.toLowerCase() } } : {}) };
}

/** The entities the `refers` fields of an entity of `type` name by UID or id (not by name). */
function referredBy(index: ModelIndex, type: string, o: Record<string, unknown>): { type: string; id: string }[] {
  return mapFields(index.map(type)).flatMap((f) => {
    const value = o[f.name];
    if (f.refers === undefined || !index.collections.includes(f.refers) || typeof value !== 'string') return [];
    const id = f.scalar === 'uid' ? value.slice(value.lastIndexOf(':') + 1) : f.scalar === 'guid' ? value : '';
    return id === '' ? [] : [{ type: f.refers, id: id.toLowerCase() }];
  });
}

/**
 * The entities some bodies name, per collection in body order: every reference or entity (an
 * object with an href of an item operation and a UID), and every link whose Type maps to a
 * collection. The documented examples seed the fake this way, and so does a recording.
 */
export function entitiesInBodies(index: ModelIndex, bodies: Iterable<EntityBody>): Map<string, Map<string, NamedEntity>> {
  const out = new Map<string, Map<string, NamedEntity>>();
  const ownerType = new WeakMap<NamedEntity, string>();
  const note = (type: string, id: string, name: unknown): NamedEntity => {
    let byId = out.get(type);
    if (!byId) out.set(type, (byId = new Map()));
    let d = byId.get(id);
    if (!d) byId.set(id, (d = { id, refs: {} }));
    if (d.name === undefined && typeof name === 'string') d.name = name;
    return d;
  };
  for (const { operation, value, rootId, rootParent } of bodies) {
    const walk = (node: unknown, owner: NamedEntity | undefined) => {
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
      // The body of an item request is its entity, with or without a UID (an item addressed under its parent has none),
      // as is one inside another body at the href of such an item.
      const isRoot = node === value && rootId !== undefined;
      const fromHref = entityOfHref(index, o[Head.Href]);
      if (o[Head.UID] !== undefined || isRoot || fromHref?.parent !== undefined) {
        const at = isRoot ? { type: operation.entity!, id: rootId, parent: rootParent ?? fromHref?.parent } : fromHref;
        if (at) {
          self = note(at.type, at.id, o[Head.Name]);
          // An entity that exists only under another: that one exists too, and holds it.
          if (at.parent) {
            note(at.parent.type, at.parent.id, undefined);
            self.refs[at.parent.type] ??= at.parent.id;
          }
          ownerType.set(self, at.type);
          const own = Object.entries(o).filter(([key]) => !HEAD_FIELDS.has(key) && key !== Head.Name);
          if (own.length > 0 && self.fields === undefined) self.fields = Object.fromEntries(own);
          // A field that refers to an entity by its UID or id names one the body's entity refers to: it exists, and the reference agrees.
          for (const { type, id } of referredBy(index, at.type, o)) {
            note(type, id, undefined);
            self.refs[type] ??= id;
          }
        }
      }
      for (const v of Object.values(o)) walk(v, self);
    };
    walk(value, undefined);
  }
  return out;
}

/** The entities the documented response examples of entity operations name. */
export function documentedEntities(index: ModelIndex): Map<string, Map<string, NamedEntity>> {
  const { model } = index;
  const bodies = model.examples.flatMap((example): EntityBody[] => {
    const operation = example.operation === undefined ? undefined : model.operations[example.operation];
    if (example.request || !operation?.entity || (example.status !== undefined && example.status >= 400)) return [];
    let value: unknown;
    try {
      value = decodeIn(model, example.type, example.xml);
    } catch {
      return [];
    }
    // The documented request names the id of the entity a single-item body documents (even where the body's own Href is a doc typo).
    const param = index.kind(operation) === 'item' ? lastParam(operation.path) : undefined;
    const rootId = param === undefined ? undefined : example.params?.[param]?.toLowerCase();
    const parent = rootId === undefined ? undefined : index.parentOf(operation);
    const parentId = parent && example.params?.[parent.param]?.toLowerCase();
    return [{ operation, value, ...(rootId !== undefined ? { rootId } : {}), ...(parent && parentId ? { rootParent: { type: parent.type, id: parentId } } : {}) }];
  });
  return entitiesInBodies(index, bodies);
}
