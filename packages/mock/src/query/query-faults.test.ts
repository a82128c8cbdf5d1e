import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, operationUrl, successOf } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import type { QueryFault } from '../fault.js';
import { indexOf } from '../model-index.js';
import { serveMock, type MockServer, type ServeMockOptions } from '../serve-mock.js';
import { mockSession } from '../test-support/mock-session.js';
import { queryPage, queryUrl, type QueryPage } from '../test-support/query-page.js';
import { queryFieldsOf } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';

// Each query fault breaks its one rule and leaves the others as they were: a conformance check of that
// rule must fail against it, and the checks of the other rules must still pass.
const state = createMockState({ entities: 23, seed: 7 });
const queries = Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'query');

describe.each(queries.map((op) => [op.id, op] as const))('the query faults of %s', (_id, op) => {
  const all = [...state.collections.get(op.entity!)!.values()];
  const count = all.length;
  /** A page size that does not divide the count: several pages, the last one short. */
  const pageSize = [...Array(count).keys()].find((k) => k > 2 && count % k !== 0)!;
  const pagesCount = Math.ceil(count / pageSize);
  const fields = Object.entries(queryFieldsOf(state, op));
  const first = all[0]!;
  const page = (query: Record<string, string | number>, ...faults: QueryFault[]) => queryPage(state, op, queryUrl(state, op, query), new Set(faults));
  const walk = (query: Record<string, string | number>, ...faults: QueryFault[]): QueryPage[] => {
    const one = page({ ...query, pageSize, page: 1 }, ...faults);
    return [one, ...Array.from({ length: one.pagesCount - 1 }, (_, i) => page({ ...query, pageSize, page: i + 2 }, ...faults))];
  };
  /** A filter on the first entity's value of a field that some entity lacks: a strict subset. */
  const narrowing = fields.map(([name, f]) => [name, f.get(first)] as const).find(([name, v]) => v !== undefined && all.some((e) => queryFieldsOf(state, op)[name]!.get(e)?.toString() !== v.toString()));
  const narrowFilter = `${narrowing![0]}=="${narrowing![1] instanceof Date ? narrowing![1].toISOString() : String(narrowing![1])}"`;
  /** A sort whose order is not the unsorted one. */
  const reordering = fields.flatMap(([name]): Record<string, string>[] => [{ sortAsc: name }, { sortDesc: name }]).find((q) => page({ ...q, pageSize: count }).uids.join() !== page({ pageSize: count }).uids.join());
  /** Other queries, whose answers a fault must leave alone where it does not touch them. */
  const others: Record<string, string | number>[] = [{}, { filter: narrowFilter }, { ...reordering }];

  it('has several pages, a filter that narrows and a sort that reorders, to break', () => {
    expect(pagesCount).toBeGreaterThan(1);
    expect(page({ filter: narrowFilter, pageSize: count }).uids.length).toBeLessThan(count);
    expect(reordering).toBeDefined();
  });

  it("pages-count-off-by-one: PagesCount and Last say one page more than there is, and that page is empty; the pages' items are right", () => {
    for (const query of others) {
      const right = walk(query);
      const broken = walk(query, 'pages-count-off-by-one');
      expect(broken.map((p) => p.pagesCount)).toEqual(broken.map(() => right[0]!.pagesCount + 1));
      expect(broken.map((p) => Number(new URL(p.links.get('Last')!).searchParams.get('page')))).toEqual(broken.map(() => right[0]!.pagesCount + 1));
      expect(broken.slice(0, -1).map((p) => p.uids)).toEqual(right.map((p) => p.uids));
      expect(broken.at(-1)!.uids).toEqual([]);
    }
  });

  it('no-next-link: no page has a Next link; First, Previous, Last and the items are as without it', () => {
    const right = walk({});
    const broken = walk({}, 'no-next-link');
    expect(right.some((p) => p.links.has('Next'))).toBe(true);
    expect(broken.map((p) => [...p.links].filter(([rel]) => rel !== 'Next'))).toEqual(right.map((p) => [...p.links].filter(([rel]) => rel !== 'Next')));
    expect(broken.some((p) => p.links.has('Next'))).toBe(false);
    expect(broken.map((p) => p.uids)).toEqual(right.map((p) => p.uids));
  });

  it('overlapping-pages: each page after the first starts one item early, so the last item of page 1 comes again first on page 2; PagingInfo and links as without it', () => {
    for (const query of [{}, { ...reordering }]) {
      const right = walk(query);
      const order = right.flatMap((p) => p.uids);
      const broken = walk(query, 'overlapping-pages');
      expect(broken[0]!.uids).toEqual(right[0]!.uids);
      for (let i = 1; i < broken.length; i++) expect(broken[i]!.uids).toEqual(order.slice(i * pageSize - 1, (i + 1) * pageSize - 1));
      expect(broken[1]!.uids[0]).toBe(broken[0]!.uids.at(-1));
      expect(broken.map(({ pageNum, pageSize: size, pagesCount: n, links }) => [pageNum, size, n, [...links]])).toEqual(right.map(({ pageNum, pageSize: size, pagesCount: n, links }) => [pageNum, size, n, [...links]]));
    }
  });

  it('ignore-filter: a filter that narrows returns every entity, still sorted and paged; a filter on an unknown field still gets 400', () => {
    expect(page({ filter: narrowFilter, pageSize: count }, 'ignore-filter').uids).toEqual(page({ pageSize: count }).uids);
    expect(walk({ ...reordering, filter: narrowFilter }, 'ignore-filter').map((p) => p.uids)).toEqual(walk({ ...reordering }).map((p) => p.uids));
    expect(() => page({ filter: 'NoSuchField==1' }, 'ignore-filter')).toThrow(QuerySyntaxError);
  });

  it('ignore-sort: a sort that reorders answers the unsorted order, still filtered and paged; a sort by an unknown field still gets 400', () => {
    expect(walk({ ...reordering }, 'ignore-sort').map((p) => p.uids)).toEqual(walk({}).map((p) => p.uids));
    expect(page({ ...reordering, filter: narrowFilter, pageSize: count }, 'ignore-sort').uids).toEqual(page({ filter: narrowFilter, pageSize: count }).uids);
    expect(() => page({ sortAsc: 'NoSuchField' }, 'ignore-sort')).toThrow(QuerySyntaxError);
  });

  it('exclusive-bounds: >= and <= leave out an entity whose value is the one asked for; == and the strict operators as without it', () => {
    const ordered = fields.filter(([, f]) => f.kind !== 'text' && f.get(first) !== undefined);
    for (const [name, field] of ordered) {
      const own = field.get(first)!;
      const value = `"${own instanceof Date ? own.toISOString() : String(own)}"`;
      const uid = `urn:veeam:${first.type}:${first.id}`;
      for (const operator of ['>=', '<=']) {
        expect(page({ filter: `${name}${operator}${value}`, pageSize: count }).uids).toContain(uid);
        expect(page({ filter: `${name}${operator}${value}`, pageSize: count }, 'exclusive-bounds').uids).not.toContain(uid);
      }
      for (const operator of ['==', '!=', '>', '<']) expect(page({ filter: `${name}${operator}${value}`, pageSize: count }, 'exclusive-bounds').uids).toEqual(page({ filter: `${name}${operator}${value}`, pageSize: count }).uids);
    }
  });
});

describe('query faults served over HTTP', () => {
  const options: ServeMockOptions = { state };
  let mock: MockServer;
  let session: Awaited<ReturnType<typeof mockSession>>;
  beforeAll(async () => {
    mock = await serveMock(options);
    session = await mockSession(model, mock.url);
  });
  afterAll(() => mock.close());

  it.each(queries.map((op) => [op.id, op] as const))('%s drops its Next link for the requests its fault names (times), then answers right again', async (_id, op) => {
    options.faults = { [op.id]: { query: ['no-next-link', 'pages-count-off-by-one'], times: 1 } };
    const rels = async () => {
      const value = decodeIn(model, successOf(op).formats[0]!.body, await (await session.get(operationUrl(mock.url, op, {}, { pageSize: 2, page: 1 }, model))).text()) as {
        PagingInfo: { PagesCount: number; Links: { Rel: string }[] };
      };
      return [value.PagingInfo.PagesCount, value.PagingInfo.Links.map((l) => l.Rel)];
    };
    const right = Math.ceil(state.collections.get(op.entity!)!.size / 2);
    expect(await rels()).toEqual([right + 1, ['First', 'Last']]);
    expect(await rels()).toEqual([right, ['First', 'Next', 'Last']]);
  });
});
