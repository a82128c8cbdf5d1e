import { matchOperation } from '@vbem/models';
import { carriersOf, type Carrier } from '../checks/carriers-of.js';
import { documentedRels, isLinkTarget } from '../spec-facts.js';
import { understand } from '../understand.js';
import type { Exchange } from '../exchange.js';

/** How deep links are followed from each sampled reference: its Href and links (0), theirs (1), and theirs (2). */
const FOLLOW_DEPTH = 2;

export interface FollowSampleOptions {
  /** Only hrefs on this origin are followed: the session token stays with the base URL. */
  readonly origin: string;
  /** The URLs already fetched: not fetched again. */
  readonly fetched: ReadonlySet<string>;
  /** GETs one URL and gives back its exchange and decoded body. */
  readonly get: (url: URL) => Promise<{ exchange?: Exchange; value?: unknown }>;
}

/** The documented links (Up, Alternate) of an entity or reference that name something the spec can fetch. */
const linksOf = (c: Carrier) => (c.Links ?? []).filter((l) => documentedRels.has(l.Rel) && isLinkTarget(l.Type)).map((l) => l.Href);

/**
 * Fetches the sampled references in both forms and follows their documented links, breadth first,
 * one depth at a time, each depth's requests grouped by operation: GETs of documented operations
 * on the base URL's origin only.
 * @example await followSample(pickSample(list.Ref, 5), { origin, fetched, get })
 */
export async function followSample(start: readonly Carrier[], options: FollowSampleOptions): Promise<void> {
  let level = start.flatMap((c) => [...(c.Href === undefined ? [] : [c.Href]), ...linksOf(c)]);
  for (let depth = 0; depth <= FOLLOW_DEPTH && level.length > 0; depth++) {
    const urls = [...new Set(level.filter((h) => URL.canParse(h)).map((h) => new URL(h).href))]
      .map((h) => ({ url: new URL(h), op: matchOperation('GET', new URL(h))?.operation.id }))
      .filter(({ url, op }) => url.origin === options.origin && op !== undefined && !options.fetched.has(url.href))
      .sort((a, b) => a.op!.localeCompare(b.op!));
    level = [];
    for (const { url } of urls) {
      if (options.fetched.has(url.href)) continue;
      const { exchange, value } = await options.get(url);
      const root = exchange && understand(exchange).representation?.root;
      if (value !== undefined && root !== undefined) for (const c of carriersOf(value, root)) level.push(...linksOf(c));
    }
  }
}
