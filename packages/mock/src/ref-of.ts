import { operationUrl, successOf, type Link, type OperationSpec, type Ref } from '@vbem/models';
import { uidOf } from './uid-of.js';

/** The named entity a view is of. */
export interface EntityId {
  readonly id: string;
  readonly Name: string;
}

const linkTypeOf = (operation: OperationSpec, format: string) => successOf(operation).formats.find((f) => f.format === format)?.linkType ?? '';

/** The href of one representation of an entity, `?format=…` included. */
export function hrefOf(origin: string, operation: OperationSpec, id: string, format: string): string {
  const param = operation.params[0]?.name ?? 'id';
  return operationUrl(origin, operation, { [param]: id }, format === 'default' ? {} : { format }).href;
}

/**
 * The reference form of an entity got by `operation` (a `GET /{resource}/{id}`): its UID, name,
 * the href and Veeam type of the reference representation, and the links given.
 * @example refOf(origin, operations.getCloudFailoverSession, { id, Name: 'ABC Company Failover Plan' }, links)
 */
export function refOf(origin: string, operation: OperationSpec, entity: EntityId, links: Link[]): Ref {
  return {
    UID: uidOf(linkTypeOf(operation, 'Entity'), entity.id),
    Name: entity.Name,
    Href: hrefOf(origin, operation, entity.id, 'default'),
    Type: linkTypeOf(operation, 'default'),
    ...(links.length > 0 ? { Links: links } : {}),
  };
}

/** The attributes and links of the entity form of an entity got by `operation`. */
export function entityHeadOf(origin: string, operation: OperationSpec, entity: EntityId, links: Link[]) {
  return {
    Href: hrefOf(origin, operation, entity.id, 'Entity'),
    Type: linkTypeOf(operation, 'Entity'),
    Name: entity.Name,
    UID: uidOf(linkTypeOf(operation, 'Entity'), entity.id),
    ...(links.length > 0 ? { Links: links } : {}),
  };
}
