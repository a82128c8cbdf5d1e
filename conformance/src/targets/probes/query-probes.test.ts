import { builtinModel, type OperationSpec } from '@vbem/models';
import { expect, it } from 'vitest';
import { queryFieldsOf, UID } from '../../query-facts.js';
import { fieldsOfKinds, queryOperation, widgetsModel } from '../../test-support/query-pages-of.js';
import { isQuery } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';
import { comparisonFor, planQueryFilters } from './query-filter.js';
import { planQueryPaging, runQueryPaging, WALK_PAGES, WALK_PAGE_SIZE } from './query-paging.js';
import { planQuerySorts } from './query-sort.js';

it('plans a filter on one field of each kind the query has (text, enum, date, number), in the format that holds entities', () => {
  const [probe] = planQueryFilters(widgetsModel).filter((p) => p.operation === queryOperation.id);
  expect(probe!.fields.map((f) => f.kind).sort()).toEqual(['date', 'enum', 'number', 'text']);
  const format = probe!.format;
  expect(widgetsModel.xmlMaps[queryOperation.responses[0]!.formats.find((f) => f.format === format)!.body]!.elements.some((e) => e.name === format)).toBe(true);
});

it('plans the sort on a date field, both ways, and the paging walk of every query with a page size, ordered by the field that reads the UID', () => {
  const [sort] = planQuerySorts(widgetsModel).filter((p) => p.operation === queryOperation.id);
  expect(sort!.field).toBe(fieldsOfKinds().date.name);
  const withPageSize = (o: OperationSpec) => isQuery(o) && o.query.some((q) => /^pagesize$/i.test(q.name));
  const paging = planQueryPaging(builtinModel);
  expect(paging.map((p) => p.operation)).toEqual(Object.values(builtinModel.operations).filter(withPageSize).map((o) => o.id));
  for (const p of paging) {
    const byUid = queryFieldsOf(builtinModel, builtinModel.operations[p.operation]!).find((f) => f.source === UID);
    expect(p.sort?.field).toBe(byUid?.name);
  }
});

it('filters on a value some read items hold and others do not: equality for text and enums, >= the latest date, <= the smallest number', () => {
  const k = fieldsOfKinds();
  const fields = queryFieldsOf(widgetsModel, queryOperation);
  const field = (name: string) => fields.find((f) => f.name === name)!;
  const [a, b] = k.enum.field!.enum!;
  const read = [
    { [k.enum.source]: a, [k.date.source]: new Date('2025-01-02T00:00:00Z'), [k.number.source]: 7 },
    { [k.enum.source]: a, [k.date.source]: new Date('2025-01-09T00:00:00Z'), [k.number.source]: 3 },
    { [k.enum.source]: b, [k.date.source]: new Date('2025-01-05T00:00:00Z') },
  ];
  expect(comparisonFor(field(k.enum.name), read)).toBe(`${k.enum.name}==${a}`);
  expect(comparisonFor(field(k.date.name), read)).toBe(`${k.date.name}>="2025-01-09T00:00:00.000Z"`);
  expect(comparisonFor(field(k.number.name), read)).toBe(`${k.number.name}<=3`);
  expect(comparisonFor(field(k.text.name), [])).toBeUndefined();
});

it('never filters on an enum value the documents do not list (a server addition it may refuse to filter on)', () => {
  const k = fieldsOfKinds();
  const field = queryFieldsOf(widgetsModel, queryOperation).find((f) => f.name === k.enum.name)!;
  const [a] = k.enum.field!.enum!;
  expect(comparisonFor(field, [{ [k.enum.source]: 'AddedLater' }, { [k.enum.source]: 'AddedLater' }])).toBeUndefined();
  expect(comparisonFor(field, [{ [k.enum.source]: 'AddedLater' }, { [k.enum.source]: a }])).toBe(`${k.enum.name}==${a}`);
});

it('walks a long result within its bound: the larger page twice, WALK_PAGES pages by Next, then the paging links not yet read', async () => {
  const pagesCount = 50;
  const sent: URL[] = [];
  const fetched = new Set<string>();
  const href = (page: number) => `https://em.test/api/query?type=T&pageSize=${WALK_PAGE_SIZE}&page=${page}`;
  const get = async (url: URL) => {
    sent.push(url);
    fetched.add(url.href);
    const page = Number(url.searchParams.get('page') ?? 1);
    const Links = [{ Rel: 'First', Href: href(1) }, ...(page > 1 ? [{ Rel: 'Previous', Href: href(page - 1) }] : []), { Rel: 'Next', Href: href(page + 1) }, { Rel: 'Last', Href: href(pagesCount) }];
    return { value: { PagingInfo: { PageNum: page, PageSize: WALK_PAGE_SIZE, PagesCount: pagesCount, Links } } };
  };
  const op = Object.values(builtinModel.operations).find(isQuery)!;
  const ctx = { model: builtinModel, op: () => op, urlOf: (_o: OperationSpec, _p: unknown, q: Record<string, string | number> = {}) => new URL(`https://em.test/api/query?${new URLSearchParams([['type', 'T'], ...Object.entries(q).map(([n, v]) => [n, String(v)])])}`), get, resolve: (h: string) => new URL(h), fetched } as unknown as ProbeContext;
  await runQueryPaging({ kind: 'query-paging', operation: op.id, pageSize: 'pageSize', page: 'page' }, ctx);
  // The larger page, pages 1…WALK_PAGES by Next (their First and Previous already read), the Last, the larger page again.
  const walked = Array.from({ length: WALK_PAGES }, (_, i) => `${WALK_PAGE_SIZE}/${i + 1}`);
  const whole = `${WALK_PAGE_SIZE * WALK_PAGES}/-`;
  expect(sent.map((u) => `${u.searchParams.get('pageSize')}/${u.searchParams.get('page') ?? '-'}`)).toEqual([whole, ...walked, `${WALK_PAGE_SIZE}/${pagesCount}`, whole]);
});
