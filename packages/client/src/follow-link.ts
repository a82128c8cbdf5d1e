import { formatOf, matchOperation, operationsAtPath, successOf, type OperationSpec } from '@vbem/models';
import type { Requester } from './create-requester.js';
import { ForeignOriginError, LinkError } from './errors.js';
import { methodPlans } from './method-names.js';
import { ActionLinkError } from './task-errors.js';

/** Anything with an Href and a Veeam Type: a Link, a Ref, an EntityRef, an entity. */
export interface Followable {
  readonly Href: string;
  readonly Type?: string | undefined;
  readonly Rel?: string | undefined;
}

/** The href as a URL on the client's own origin, or a LinkError / ForeignOriginError. */
export function ownUrl(requester: Requester, link: Followable): URL {
  let url: URL;
  try {
    url = new URL(link.Href);
  } catch {
    throw new LinkError(link, 'an absolute URL', `'${link.Href}'`);
  }
  if (url.origin !== requester.baseUrl.origin) throw new ForeignOriginError(link, url.origin, requester.baseUrl.origin);
  return url;
}

/**
 * Fetches what a Link or Ref points at, decoded as the model its `Type` names (through the spec's
 * link targets, all GET operations). The href must be on the client's own origin and be the URL of an
 * operation and representation that Type names; anything else is refused before a request is sent.
 * An action link (no Type, the URL of a POST/PUT/DELETE) is refused with an ActionLinkError naming the method to call.
 */
export async function followLink(requester: Requester, link: Followable, expected: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
  const { model } = requester;
  const type = expected ?? link.Type;
  if (expected !== undefined && link.Type !== undefined && link.Type !== expected) throw new LinkError(link, `Type ${expected}`, `Type ${link.Type}`);
  const targets = type !== undefined && Object.hasOwn(model.linkTargets, type) ? model.linkTargets[type]! : [];
  if (targets.length === 0) {
    const action = type === undefined ? actionAt(requester, link) : undefined;
    if (action) throw action;
    throw new LinkError(link, `a Type the spec can fetch (${Object.keys(model.linkTargets).join(', ')})`, type === undefined ? 'no Type' : `Type ${type}`);
  }
  const url = ownUrl(requester, link);
  const match = matchOperation('GET', url, model);
  // A Type served at several paths (a sub-collection under two parents): the href says which.
  const target = targets.find((t) => t.operation === match?.operation.id);
  if (!match || !target) {
    throw new LinkError(link, `the URL of ${targets.map((t) => t.operation).join(' or ')}`, match ? `the URL of ${match.operation.id}` : 'a URL no operation of the spec serves');
  }
  const representation = formatOf(url, successOf(match.operation).formats, model);
  if (representation?.body !== target.body) {
    throw new LinkError(link, `a URL asking for the ${target.body} representation`, representation ? `one asking for ${representation.body}` : 'one asking for an undocumented format');
  }
  return requester.call(match.operation, url, { signal });
}

/** The ActionLinkError for a link whose URL is an operation's other than a GET (an `?action=`), if it is one. */
function actionAt(requester: Requester, link: Followable): ActionLinkError | undefined {
  let url: URL;
  try {
    url = new URL(link.Href);
  } catch {
    return undefined;
  }
  const candidates = operationsAtPath(url, requester.model).filter((o) => o.method !== 'GET');
  // The one whose const query (action=start) the URL carries; else the only write at that path.
  const operation: OperationSpec | undefined =
    candidates.find((o) => o.query.some((q) => q.const !== undefined)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!operation) return undefined;
  const params = operation.params.map((p) => p.name);
  const args = [params.length === 0 ? '' : params.length === 1 ? params[0]! : `{ ${params.join(', ')} }`, ...(operation.requestBody ? ['body'] : [])].filter(Boolean).join(', ');
  return new ActionLinkError(link, operation.id, `${operation.resource}.${methodPlans(operation)[0]!.name}`, args);
}
