import { formatOf, linkTargets, matchOperation, successOf } from '@vbem/models';
import type { Requester } from './create-requester.js';
import { ForeignOriginError, LinkError } from './errors.js';

/** Anything with an Href and a Veeam Type: a Link, a Ref, an EntityRef, an entity. */
export interface Followable {
  readonly Href: string;
  readonly Type?: string | undefined;
}

export type LinkTargetType = keyof typeof linkTargets;

/**
 * Fetches what a Link or Ref points at, decoded as the model its `Type` names (through the spec's
 * link targets). The href must be on the client's own origin and be the URL of the operation and
 * representation that Type names; anything else is refused before a request is sent.
 */
export async function followLink(requester: Requester, link: Followable, expected: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
  const type = expected ?? link.Type;
  if (expected !== undefined && link.Type !== undefined && link.Type !== expected) throw new LinkError(link, `Type ${expected}`, `Type ${link.Type}`);
  const target = type !== undefined && Object.hasOwn(linkTargets, type) ? linkTargets[type as LinkTargetType] : undefined;
  if (!target) throw new LinkError(link, `a Type the spec can fetch (${Object.keys(linkTargets).join(', ')})`, type === undefined ? 'no Type' : `Type ${type}`);
  let url: URL;
  try {
    url = new URL(link.Href);
  } catch {
    throw new LinkError(link, 'an absolute URL', `'${link.Href}'`);
  }
  if (url.origin !== requester.baseUrl.origin) throw new ForeignOriginError(link, url.origin, requester.baseUrl.origin);
  const match = matchOperation('GET', url);
  if (match?.operation.id !== target.operation) {
    throw new LinkError(link, `the URL of ${target.operation}`, match ? `the URL of ${match.operation.id}` : 'a URL no operation of the spec serves');
  }
  const representation = formatOf(url, successOf(match.operation).formats);
  if (representation?.body !== target.body) {
    throw new LinkError(link, `a URL asking for the ${target.body} representation`, representation ? `one asking for ${representation.body}` : 'one asking for an undocumented format');
  }
  return requester.call(match.operation, url, { signal });
}
