import { xmlMaps, type Link, type OperationTypes, type QueryResult, type Representation } from '@vbem/models';
import type { MockState } from '../mock-state.js';
import { sessionEntity, sessionRef } from '../session-views.js';
import { compileFilter } from './compile-filter.js';
import { comparable, order } from './compare-values.js';
import { parseFilter } from './parse-filter.js';
import { queryFieldOf, type QueryRow } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';

type Param = keyof OperationTypes['queryCloudFailoverSessions']['query'];
const FILTER: Param = 'filter';
const SORT_ASC: Param = 'sortAsc';
const SORT_DESC: Param = 'sortDesc';
const PAGE_SIZE: Param = 'pageSize';
const PAGE: Param = 'page';
/** What real servers answer without pageSize (observed), although the docs say "all on one page". */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Runs `GET /query?type=CloudFailoverSession` over the state: filter, sort, one page, and the
 * paging links, as Refs or Entities (the format names the QueryResult element that holds the page).
 * @throws {QuerySyntaxError} for a filter, sort field or page it cannot use.
 * @example runQuery(state, new URL('http://127.0.0.1:9399/api/query?type=CloudFailoverSession&filter=Result==Failed'), representation)
 */
export function runQuery(state: MockState, url: URL, representation: Representation): QueryResult {
  const q = url.searchParams;
  let rows: QueryRow[] = [...state.failoverSessions.values()].map((session) => {
    const server = state.backupServers.get(session.backupServerId);
    return server ? { session, server } : { session };
  });
  const filter = q.get(FILTER);
  if (filter !== null && filter.trim() !== '') rows = rows.filter(compileFilter(parseFilter(filter)));
  rows = sorted(rows, q.get(SORT_ASC), q.get(SORT_DESC));

  const pageSize = positive(q.get(PAGE_SIZE), DEFAULT_PAGE_SIZE, PAGE_SIZE);
  const page = positive(q.get(PAGE), 1, PAGE);
  const pagesCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);

  const origin = url.origin;
  const holder = xmlMaps.QueryResult.elements.find((e) => e.name.toLowerCase() === representation.format.toLowerCase())?.name ?? 'Refs';
  const PagingInfo = { PageNum: page, PageSize: pageSize, PagesCount: pagesCount, Links: pagingLinks(url, page, pageSize, pagesCount) };
  if (holder === 'Entities') {
    return { Entities: { CloudFailoverSessions: slice.map((r) => sessionEntity(state, r.session, origin, representation)) }, PagingInfo };
  }
  return { Refs: slice.map((r) => sessionRef(state, r.session, origin, representation)), PagingInfo };
}

function sorted(rows: QueryRow[], asc: string | null, desc: string | null): QueryRow[] {
  const name = desc ?? asc;
  if (name === null) return rows;
  const parameter = desc !== null ? SORT_DESC : SORT_ASC;
  const field = queryFieldOf(name);
  if (!field) throw new QuerySyntaxError(`Unknown sort field '${name}'`, parameter);
  const key = (row: QueryRow) => {
    const value = field.get(row);
    return value === undefined ? undefined : comparable(field, value, parameter);
  };
  const sign = desc !== null ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  // Missing values last in both directions.
  keyed.sort((a, b) => (a.key === undefined || b.key === undefined ? order(a.key, b.key) : sign * order(a.key, b.key)));
  return keyed.map((k) => k.row);
}

function positive(text: string | null, fallback: number, parameter: string): number {
  if (text === null) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new QuerySyntaxError(`${parameter} must be a whole number from 1 up, got '${text}'`, parameter);
  return n;
}

// The request's own query, as sent, with pageSize and page set last (as the documented links have them).
function pagingLinks(url: URL, page: number, pageSize: number, pagesCount: number): Link[] {
  const paging: readonly string[] = [PAGE_SIZE, PAGE];
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !paging.includes(decodeURIComponent(part.split('=')[0]!)));
  const href = (n: number) => `${url.origin}${url.pathname}?${[...kept, `${PAGE_SIZE}=${pageSize}`, `${PAGE}=${n}`].join('&')}`;
  const links: Link[] = [{ Rel: 'First', Href: href(1) }];
  if (page > 1) links.push({ Rel: 'Previous', Href: href(Math.min(page - 1, pagesCount)) });
  if (page < pagesCount) links.push({ Rel: 'Next', Href: href(page + 1) });
  links.push({ Rel: 'Last', Href: href(pagesCount) });
  return links;
}
