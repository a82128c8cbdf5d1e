import { askedRepresentation } from '../asked-representation.js';
import type { Exchange } from '../exchange.js';
import { paramOf, queryPageOf, type QueryPage } from '../query-facts.js';

/**
 * The query pages of a run, indexed once per run and length: by URL (to follow a paging link to the
 * page it fetched) and by query (the pages of one query, whatever their page and page size), each
 * within its representation (`urlKeyOf`): the pages of a query read in XML and in JSON are judged apart.
 */
export interface QueryPages {
  readonly byUrl: ReadonlyMap<string, QueryPage>;
  readonly byQuery: ReadonlyMap<string, readonly QueryPage[]>;
}

const index = new WeakMap<readonly Exchange[], { readonly length: number; readonly pages: QueryPages }>();

export const normalUrl = (href: string): string => (URL.canParse(href) ? new URL(href).href : href);

/** The key of `byUrl`: a URL read in the representation `page`'s request asked for (a page's links lead to pages in its own). */
export const urlKeyOf = (page: Pick<QueryPage, 'exchange'>, href: string): string => `${askedRepresentation(page.exchange)} ${normalUrl(href)}`;

/** The query a page answers, without its page and page size: representation, operation and every other parameter, sorted, names lower-cased. */
export function queryKeyOf(page: QueryPage): string {
  const skip = new Set([page.params.page, page.params.pageSize].filter((n) => n !== undefined).map((n) => n!.toLowerCase()));
  const rest = [...page.url.searchParams].filter(([k]) => !skip.has(k.toLowerCase())).map(([k, v]) => `${k.toLowerCase()}=${v}`);
  return `${askedRepresentation(page.exchange)} ${page.op.id} ${page.url.pathname} ${rest.sort().join('&')}`;
}

/** The query pages of the run's exchanges, in order. */
export function queryPagesOf(exchanges: readonly Exchange[]): QueryPages {
  const found = index.get(exchanges);
  if (found?.length === exchanges.length) return found.pages;
  const byUrl = new Map<string, QueryPage>();
  const byQuery = new Map<string, QueryPage[]>();
  for (const e of exchanges) {
    const page = queryPageOf(e);
    if (!page) continue;
    if (!byUrl.has(urlKeyOf(page, e.request.url))) byUrl.set(urlKeyOf(page, e.request.url), page);
    const key = queryKeyOf(page);
    byQuery.set(key, [...(byQuery.get(key) ?? []), page]);
  }
  const pages = { byUrl, byQuery };
  index.set(exchanges, { length: exchanges.length, pages });
  return pages;
}

/** The page number a request asked for (1 when it named none), or undefined when it is not a number. */
export function askedPage(page: QueryPage): number | undefined {
  const text = paramOf(page.url, page.params.page);
  return text === undefined ? 1 : /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The page size a request asked for, if it named one. */
export function askedPageSize(page: QueryPage): number | undefined {
  const text = paramOf(page.url, page.params.pageSize);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** What tells a page's items apart: the UID, else the Href, else the place in the body. */
export const idOf = (item: { readonly UID?: string; readonly Href?: string; readonly path: string }): string => item.UID ?? item.Href ?? item.path;
