import type { Link, LinkRel } from '@vbem/models';

/**
 * The first link of a resource with the given Rel (and Type, when given); none when the resource
 * carries no links (any value `follow` gives may be passed: a list has none of its own).
 * @example const alternate = linkOf(ref, 'Alternate'); if (alternate) await client.follow(alternate)
 */
export function linkOf(resource: object, rel: LinkRel, type?: string): Link | undefined {
  const links = (resource as { readonly Links?: readonly Link[] }).Links;
  return links?.find((l) => l.Rel === rel && (type === undefined || l.Type === type));
}
