import type { OperationSpec } from '@vbem/models';
import type { QueryFault } from '../fault.js';
import { entityView, referenceView } from '../entity-views.js';
import { indexOf } from '../model-index.js';
import type { MockEntity, MockState } from '../mock-state.js';
import { Head, LinkAttr, Paging, QueryParam, Rel } from '../protocol-names.js';
import { compileFilter } from './compile-filter.js';
import { comparable, order } from './compare-values.js';
import { parseFilter } from './parse-filter.js';
import { exclusiveBounds } from './query-faults.js';
import { queryFieldOf, queryFieldsOf, type QueryFields } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import type { BodyFormat } from '../body-format.js';

/** What real servers answer without pageSize (observed), although the docs say "all on one page". */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Runs a query-service operation over its collection: filter, sort, one page, and the paging
 * links, as references or entities (the format names the result's element that holds the page;
 * for entities, the element of that holder whose items are of the entity type).
 * `faults` break the rules they name (see `QueryFault`), for tests of the checks that judge them.
 * @throws {QuerySyntaxError} for a filter, sort field or page it cannot use.
 * @example runQuery(state, operation, new URL('http://127.0.0.1:9399/api/query?type=…&filter=Result==Failed'), representation)
 */
export function runQuery(state: MockState, operation: OperationSpec, url: URL, representation: BodyFormat, faults: ReadonlySet<QueryFault> = new Set()): Record<string, unknown> {
  const q = url.searchParams;
  const fields = queryFieldsOf(state, operation);
  const type = operation.entity!;
  const all: MockEntity[] = [...(state.collections.get(type)?.values() ?? [])];
  let rows = all;
  const filter = q.get(QueryParam.filter);
  if (filter !== null && filter.trim() !== '') {
    const parsed = parseFilter(filter);
    rows = rows.filter(compileFilter(faults.has('exclusive-bounds') ? exclusiveBounds(parsed) : parsed, fields));
  }
  if (faults.has('ignore-filter')) rows = all;
  const ordered = sorted(fields, rows, q.get(QueryParam.sortAsc), q.get(QueryParam.sortDesc));
  if (!faults.has('ignore-sort')) rows = ordered;

  const pageSize = positive(q.get(QueryParam.pageSize), DEFAULT_PAGE_SIZE, QueryParam.pageSize);
  const page = positive(q.get(QueryParam.page), 1, QueryParam.page);
  const pagesCount = Math.max(1, Math.ceil(rows.length / pageSize)) + (faults.has('pages-count-off-by-one') ? 1 : 0);
  const start = (page - 1) * pageSize - (faults.has('overlapping-pages') && page > 1 ? 1 : 0);
  const slice = rows.slice(start, start + pageSize);

  const index = indexOf(state.model);
  const origin = url.origin;
  const map = index.map(representation.body);
  const lists = map.elements.filter((e) => e.name !== Paging.element && (e.item !== undefined || e.repeated || e.type !== undefined) && !isLinkList(index, e.type));
  const holder = lists.find((e) => e.name.toLowerCase() === representation.format.toLowerCase()) ?? lists[0];
  const PagingInfo = {
    [Paging.PageNum]: page,
    [Paging.PageSize]: pageSize,
    [Paging.PagesCount]: pagesCount,
    [Head.Links]: pagingLinks(url, page, pageSize, pagesCount).filter((link) => !(faults.has('no-next-link') && link[LinkAttr.Rel] === Rel.Next)),
  };
  const out: Record<string, unknown> = { [Paging.element]: PagingInfo };
  if (!holder) return out;
  const inner = holder.type === undefined ? undefined : index.map(holder.type).elements.find((e) => e.type === type);
  if (holder.item !== undefined || holder.repeated) {
    out[holder.name] = slice.map((e) => referenceView(state, origin, e, representation));
  } else if (inner) {
    out[holder.name] = { [inner.name]: slice.map((e) => entityView(state, origin, e, representation)) };
  }
  // A holder with no element of the entity type (a query of a type the model's entity lists lack) stays out.
  return out;
}

const isLinkList = (index: ReturnType<typeof indexOf>, type: string | undefined) =>
  type !== undefined && index.map(type).attributes.some((a) => a.name === LinkAttr.Rel);

function sorted(fields: QueryFields, rows: MockEntity[], asc: string | null, desc: string | null): MockEntity[] {
  const name = desc ?? asc;
  if (name === null) return rows;
  const parameter = desc !== null ? QueryParam.sortDesc : QueryParam.sortAsc;
  const field = queryFieldOf(fields, name);
  if (!field) throw new QuerySyntaxError(`Unknown sort field '${name}'; known: ${Object.keys(fields).join(', ')}`, parameter);
  const key = (row: MockEntity) => {
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
function pagingLinks(url: URL, page: number, pageSize: number, pagesCount: number): Record<string, string>[] {
  const paging: readonly string[] = [QueryParam.pageSize, QueryParam.page];
  const kept = url.search
    .slice(1)
    .split('&')
    // URLSearchParams reads a name as the query service does, a malformed escape (`%zz`) kept as written instead of thrown.
    .filter((part) => part !== '' && !paging.includes([...new URLSearchParams(part).keys()][0] ?? ''));
  const href = (n: number) => `${url.origin}${url.pathname}?${[...kept, `${QueryParam.pageSize}=${pageSize}`, `${QueryParam.page}=${n}`].join('&')}`;
  const link = (rel: string, n: number) => ({ [LinkAttr.Rel]: rel, [LinkAttr.Href]: href(n) });
  const links = [link(Rel.First, 1)];
  if (page > 1) links.push(link(Rel.Previous, Math.min(page - 1, pagesCount)));
  if (page < pagesCount) links.push(link(Rel.Next, page + 1));
  links.push(link(Rel.Last, pagesCount));
  return links;
}
