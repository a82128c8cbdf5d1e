import { operationUrl, whenHolds, type LinkTarget } from '@vbem/models';
import { STATE_ORIGIN } from './generate-fields.js';
import { indexOf } from './model-index.js';
import type { MockEntity, MockState } from './mock-state.js';
import { Head, LinkAttr } from './protocol-names.js';
import type { BodyFormat } from './body-format.js';

/** A copy of a state value with every href on the state's origin moved to `origin` (Dates kept). */
export function onOrigin<T>(value: T, origin: string): T {
  if (typeof value === 'string') return (value.startsWith(`${STATE_ORIGIN}/`) ? origin + value.slice(STATE_ORIGIN.length) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => onOrigin(v, origin)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = onOrigin(v, origin);
  return out as T;
}

/**
 * The links `representation` documents on an entity: each to the entity of the link type's
 * collection this one refers to, or to itself when that collection is its own, or to this entity's
 * sub-collection of that type (a type served under several parents is linked under this one's);
 * links whose type has no target (or no such entity), and conditional links whose `when` the
 * entity's fields do not meet, are left out.
 */
export function linksOf(state: MockState, origin: string, entity: MockEntity, representation: BodyFormat | undefined): Record<string, unknown>[] {
  const links: Record<string, unknown>[] = [];
  for (const { rel, type, when } of representation?.links ?? []) {
    if (when && !whenHolds(when, entity.fields)) continue;
    const targets = Object.hasOwn(state.model.linkTargets, type) ? state.model.linkTargets[type]! : [];
    const link = targets.map((target) => linkVia(state, origin, entity, target)).find((l) => l !== undefined);
    if (link) links.push({ [LinkAttr.Rel]: rel, ...link, [LinkAttr.Type]: type });
  }
  return links;
}

/** The Href (and Name) of a link on `entity` through one operation that serves the type, if that operation leads anywhere from this entity. */
function linkVia(state: MockState, origin: string, entity: MockEntity, target: LinkTarget): Record<string, unknown> | undefined {
  const index = indexOf(state.model);
  const operation = state.model.operations[target.operation];
  if (!operation) return undefined;
  const query = target.format === 'default' ? {} : { [state.model.api.formatParam]: target.format };
  // A sub-collection of this entity (its task sessions): the link names the parent, this entity.
  if (index.kind(operation) === 'sub-collection') {
    const parent = index.parentOf(operation);
    if (parent?.type !== entity.type) return undefined;
    return { [LinkAttr.Href]: operationUrl(origin, operation, index.itemParams(entity) ?? { [parent.param]: entity.id }, query, state.model).href };
  }
  const collection = index.kind(operation) === 'item' ? operation.entity : undefined;
  if (!collection) return undefined;
  const id = collection === entity.type ? entity.id : entity.refs[collection];
  const end = id === undefined ? undefined : state.collections.get(collection)?.get(id);
  if (!end) return undefined;
  const params = index.itemParams(end);
  if (!params) return undefined;
  const href = operationUrl(origin, operation, params, query, state.model).href;
  const name = end.fields[Head.Name];
  return { [LinkAttr.Href]: href, ...(typeof name === 'string' ? { [LinkAttr.Name]: name } : {}) };
}

/** The reference form of an entity (UID, Name, Href, Type, Links), with the links of the body it is in. */
export function referenceView(state: MockState, origin: string, entity: MockEntity, representation: BodyFormat | undefined): Record<string, unknown> {
  const index = indexOf(state.model);
  const own = index.referenceRepresentation(entity.type);
  const links = linksOf(state, origin, entity, representation);
  return {
    [Head.UID]: index.uidOf(entity.type, entity.id),
    [Head.Name]: entity.fields[Head.Name] ?? entity.id,
    [Head.Href]: index.hrefOf(origin, entity, own?.format ?? 'default'),
    [Head.Type]: own?.linkType ?? entity.type,
    ...(links.length > 0 ? { [Head.Links]: links } : {}),
  };
}

/** The entity form of an entity: its head, the links of the body it is in, and its fields on `origin`. */
export function entityView(state: MockState, origin: string, entity: MockEntity, representation: BodyFormat | undefined): Record<string, unknown> {
  const index = indexOf(state.model);
  const own = index.entityRepresentation(entity.type);
  const links = linksOf(state, origin, entity, representation);
  return {
    ...onOrigin(entity.fields, origin),
    [Head.Href]: index.hrefOf(origin, entity, own?.format ?? 'default'),
    [Head.Type]: own?.linkType ?? entity.type,
    [Head.UID]: index.uidOf(entity.type, entity.id),
    ...(links.length > 0 ? { [Head.Links]: links } : {}),
  };
}

/** The view of an entity a representation of one entity asks for: the entity form when its body is the entity type. */
export function viewFor(state: MockState, origin: string, entity: MockEntity, representation: BodyFormat): Record<string, unknown> {
  return representation.body === entity.type ? entityView(state, origin, entity, representation) : referenceView(state, origin, entity, representation);
}

/**
 * The body of a list representation over entities: an entity list (its element of the entity
 * type holds entity forms) or references (its repeated or list element holds reference forms).
 */
export function listBody(state: MockState, origin: string, type: string, entities: readonly MockEntity[], representation: BodyFormat): Record<string, unknown> {
  const map = indexOf(state.model).map(representation.body);
  const entityElement = map.elements.find((e) => e.type === type);
  if (entityElement) return { [entityElement.name]: entities.map((e) => entityView(state, origin, e, representation)) };
  const element = map.elements.find((e) => e.repeated || e.item !== undefined);
  if (!element) return {};
  return { [element.name]: entities.map((e) => referenceView(state, origin, e, representation)) };
}
