import { linkTargets, operations, operationUrl, type Link, type LinkRel, type Representation } from '@vbem/models';

/** An entity a link points at. */
export interface LinkEnd {
  readonly id: string;
  readonly name?: string;
}

/**
 * A link of a Veeam type to an entity: the operation and format that GET that type decide its href.
 * @example linkTo(origin, 'Up', 'BackupServerReference', { id, name: '172.17.53.48' })
 */
export function linkTo(origin: string, rel: LinkRel, type: string, end: LinkEnd): Link | undefined {
  const target = linkTargets[type as keyof typeof linkTargets];
  if (!target) return undefined;
  const operation = operations[target.operation];
  const param = operation.params[0]?.name;
  const params: Record<string, string> = param ? { [param]: end.id } : {};
  const href = operationUrl(origin, operation, params, target.format === 'default' ? {} : { format: target.format }).href;
  return { Rel: rel, Type: type, Href: href, ...(end.name !== undefined ? { Name: end.name } : {}) };
}

/** The links a representation documents (`links: { Up: …, Alternate: … }`), each to the entity its relation names. */
export function linksOf(origin: string, representation: Representation, ends: Partial<Record<LinkRel, LinkEnd>>): Link[] {
  const links: Link[] = [];
  for (const { rel, type } of representation.links ?? []) {
    const end = ends[rel as LinkRel];
    const link = end && linkTo(origin, rel as LinkRel, type, end);
    if (link) links.push(link);
  }
  return links;
}
