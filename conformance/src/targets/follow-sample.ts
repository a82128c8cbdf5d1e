import { builtinModel, matchOperation, type ApiModel } from '@vbem/models';
import { carriersOf, type Carrier } from '../checks/carriers-of.js';
import { documentedRels, isLinkTarget } from '../spec-facts.js';
import { understand } from '../understand.js';
import type { Exchange } from '../exchange.js';

/** How deep links are followed from each sampled reference: its Href and links (0), theirs (1), and theirs (2). */
const FOLLOW_DEPTH = 2;

export interface FollowSampleOptions {
  /** The operation table hrefs are matched against. (default: the built-in model) */
  readonly model?: ApiModel;
  /** An href as a URL the run may GET with its session (the server's origin, or one declared the same server), or undefined. */
  readonly resolve: (href: string) => URL | undefined;
  /** The URLs already fetched: not fetched again. */
  readonly fetched: ReadonlySet<string>;
  /** GETs one URL and gives back its exchange and decoded body. */
  readonly get: (url: URL) => Promise<{ exchange?: Exchange; value?: unknown }>;
}

/** The documented links (Up, Alternate) of an entity or reference that name something the spec can fetch. */
const linksOf = (c: Carrier, model: ApiModel) => {
  const rels = documentedRels(model);
  return (c.Links ?? []).filter((l) => rels.has(l.Rel) && isLinkTarget(l.Type, model)).map((l) => l.Href);
};

/**
 * Fetches the sampled references in both forms and follows their documented links, breadth first,
 * one depth at a time, each depth's requests grouped by operation: GETs of documented operations
 * that `resolve` accepts only.
 * @example await followSample(pickSample(list.Ref, 5), { resolve, fetched, get })
 */
export async function followSample(start: readonly Carrier[], options: FollowSampleOptions): Promise<void> {
  const model = options.model ?? builtinModel;
  let level = start.flatMap((c) => [...(c.Href === undefined ? [] : [c.Href]), ...linksOf(c, model)]);
  for (let depth = 0; depth <= FOLLOW_DEPTH && level.length > 0; depth++) {
    const resolved = [...new Set(level)].map((h) => options.resolve(h)).filter((u): u is URL => u !== undefined);
    const urls = [...new Map(resolved.map((u) => [u.href, u])).values()]
      .map((url) => ({ url, op: matchOperation('GET', url, model)?.operation.id }))
      .filter(({ url, op }) => op !== undefined && !options.fetched.has(url.href))
      .sort((a, b) => a.op!.localeCompare(b.op!));
    level = [];
    for (const { url } of urls) {
      if (options.fetched.has(url.href)) continue;
      const { exchange, value } = await options.get(url);
      const root = exchange && understand(exchange).representation?.root;
      if (value !== undefined && root !== undefined) for (const c of carriersOf(value, root)) level.push(...(c.Href === undefined ? [] : [c.Href]), ...linksOf(c, model));
    }
  }
}
