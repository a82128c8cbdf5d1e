import type { Link, LinkRel } from '@vbem/models';

/**
 * The first link of a resource with the given Rel (and Type, when given).
 * @example const alternate = linkOf(ref, 'Alternate'); if (alternate) await client.follow(alternate)
 */
export function linkOf(resource: { readonly Links?: readonly Link[] | undefined }, rel: LinkRel, type?: string): Link | undefined {
  return resource.Links?.find((l) => l.Rel === rel && (type === undefined || l.Type === type));
}
