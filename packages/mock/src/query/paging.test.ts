import { describe, expect, it } from 'vitest';
import { builtinModel as model } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import { queryPage, queryUrl, type QueryPage } from '../test-support/query-page.js';
import { queryFieldsOf } from './query-fields.js';

// Walking a query's pages, by number and by its links, gives back the one-page answer: every item
// once, in the same order, with PagingInfo and First/Previous/Next/Last saying where the walk is.
const queries = Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'query');
const documented = createMockState({ entities: 0 });
/** Entities per queried collection, documented ones included: a multiple of 8 above every documented count (divisors 2, 4, 8, and sizes that do not divide it). */
const COUNT = Math.max(16, Math.ceil((Math.max(...queries.map((op) => documented.collections.get(op.entity!)!.size)) + 1) / 8) * 8);
const state = createMockState({ seed: 7, counts: Object.fromEntries(queries.map((op) => [op.entity!, COUNT - documented.collections.get(op.entity!)!.size])) });

/** Page sizes for `count` items: 1, one that divides it, one that does not, the count itself, more than the count. */
function pageSizesFor(count: number): number[] {
  const divides = [...Array(count).keys()].map((i) => i + 1).find((k) => k > 1 && k < count && count % k === 0) ?? count;
  const doesNot = [...Array(count).keys()].map((i) => i + 1).find((k) => k > 2 && count % k !== 0) ?? count + 1;
  return [...new Set([1, divides, doesNot, count, count + 5])];
}

describe.each(queries.map((op) => [op.id, op] as const))('the pages of %s', (_id, op) => {
  const count = state.collections.get(op.entity!)!.size;
  const fields = Object.entries(queryFieldsOf(state, op));
  const orders: Record<string, string>[] = [{}, ...fields.flatMap(([name]): Record<string, string>[] => [{ sortAsc: name }, { sortDesc: name }])];
  const page = (query: Record<string, string | number>) => queryPage(state, op, queryUrl(state, op, query));
  const pagesOf = (walk: QueryPage[]) => walk.map((p) => p.uids);

  /** Every page from 1 to the first page's PagesCount, asked for by number. */
  function walkByNumber(query: Record<string, string>, pageSize: number): QueryPage[] {
    const first = page({ ...query, pageSize, page: 1 });
    return [first, ...Array.from({ length: first.pagesCount - 1 }, (_, i) => page({ ...query, pageSize, page: i + 2 }))];
  }

  /** First, then Next until a page has none (bounded: a Next that never ends fails, it does not hang). */
  function walkByLinks(query: Record<string, string>, pageSize: number): QueryPage[] {
    const walk = [page({ ...query, pageSize, page: 1 })];
    for (let next = walk[0]!.links.get('Next'); next !== undefined && walk.length <= count + 1; next = walk.at(-1)!.links.get('Next')) walk.push(queryPage(state, op, new URL(next)));
    return walk;
  }

  it('has sizes that divide its count and sizes that do not', () => {
    const sizes = pageSizesFor(count);
    expect(count).toBe(COUNT);
    expect(sizes.some((s) => s > 1 && s < count && count % s === 0)).toBe(true);
    expect(sizes.some((s) => s > 1 && s < count && count % s !== 0)).toBe(true);
    expect(sizes.some((s) => s > count)).toBe(true);
  });

  it.each(orders.map((query) => [JSON.stringify(query), query] as const))('walked page by page %s, gives every item exactly once in the one-page order', (_name, query) => {
    const whole = page({ ...query, pageSize: count + 100 }).uids;
    expect(whole.length).toBe(count);
    expect(new Set(whole).size).toBe(count);
    for (const pageSize of pageSizesFor(count)) {
      const walk = walkByNumber(query, pageSize);
      expect(walk.length, `pageSize=${pageSize}`).toBe(Math.ceil(count / pageSize));
      expect(pagesOf(walk).flat(), `pageSize=${pageSize}`).toEqual(whole);
    }
  });

  it.each(orders.map((query) => [JSON.stringify(query), query] as const))('walked by its Next links %s, gives the same pages as by number', (_name, query) => {
    // Page size 1 is walked by number above; by links, the sizes with several items a page are enough.
    for (const pageSize of pageSizesFor(count).filter((s) => s > 1)) expect(pagesOf(walkByLinks(query, pageSize)), `pageSize=${pageSize}`).toEqual(pagesOf(walkByNumber(query, pageSize)));
  });

  it('says on every page its number, its size, the pages count, and links to the first, previous, next and last pages that keep the query', () => {
    const query: Record<string, string> = fields.length > 0 ? { sortDesc: fields[0]![0] } : {};
    for (const pageSize of pageSizesFor(count)) {
      const walk = walkByNumber(query, pageSize);
      const pagesCount = Math.ceil(count / pageSize);
      walk.forEach((p, i) => {
        const n = i + 1;
        const at = `pageSize=${pageSize} page=${n}`;
        expect({ pageNum: p.pageNum, pageSize: p.pageSize, pagesCount: p.pagesCount }, at).toEqual({ pageNum: n, pageSize, pagesCount });
        expect(p.uids.length, at).toBe(n < pagesCount ? pageSize : count - pageSize * (pagesCount - 1));
        const expected = [['First', 1], ...(n > 1 ? [['Previous', n - 1]] : []), ...(n < pagesCount ? [['Next', n + 1]] : []), ['Last', pagesCount]];
        expect([...p.links].map(([rel, href]) => [rel, Number(new URL(href).searchParams.get('page'))]), at).toEqual(expected);
        for (const href of p.links.values()) {
          const params = new URL(href).searchParams;
          expect(Number(params.get('pageSize')), at).toBe(pageSize);
          for (const [name, value] of Object.entries(query)) expect(params.get(name), at).toBe(value);
        }
        for (const [rel, href] of p.links) expect(queryPage(state, op, new URL(href)).pageNum, `${at} ${rel}`).toBe(Number(new URL(href).searchParams.get('page')));
      });
    }
  });

  it('answers one empty page, with First and Last only, when the filter matches nothing', () => {
    const uidField = fields.find(([, f]) => f.kind === 'text');
    if (!uidField) return;
    const none = page({ filter: `${uidField[0]}=="no such value"`, pageSize: 5 });
    expect(none).toMatchObject({ uids: [], pageNum: 1, pagesCount: 1 });
    expect([...none.links.keys()]).toEqual(['First', 'Last']);
  });
});

it('keeps a parameter it does not take in its paging links, even one with a malformed escape, instead of failing', () => {
  const op = queries[0]!;
  const url = queryUrl(state, op, { pageSize: 2, page: 2 });
  url.search += '&%zz=1&extra=a+b';
  const links = queryPage(state, op, url).links;
  expect(links.size).toBeGreaterThan(0);
  for (const href of links.values()) {
    expect(href).toContain('&%zz=1&extra=a+b&');
    expect(new URL(href).searchParams.getAll('page')).toHaveLength(1);
  }
});
