import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { fieldsOfKinds, params, queryPage, type PageSpec, type TestItem } from '../test-support/query-pages-of.js';
import { queryFilter } from './query-filter.js';
import { queryPaging } from './query-paging.js';
import { querySort } from './query-sort.js';
import type { Check } from '../check-result.js';

const k = fieldsOfKinds();
const items = (...ns: number[]): TestItem[] => ns.map((n) => ({ n }));
/** Every verdict a run check gives over these exchanges, as `status: message`. */
const judge = (check: Check, exchanges: Exchange[]) => exchanges.flatMap((e) => check.run(e, { exchanges })).map((r) => `${r.status}: ${r.message}`);

// A sorted walk of five items, two per page, between two reads of the first six as one page.
const sorted = { [params.sortAsc]: k.text.name };
const whole = (ns = [1, 2, 3, 4, 5]): PageSpec => ({ query: { ...sorted, [params.pageSize]: 6 }, items: items(...ns), pageNum: 1, pageSize: 6, pagesCount: 1, links: { First: 1, Last: 1 } });
const walkPage = (pageNum: number, ns: number[], over: Partial<PageSpec> = {}): PageSpec => ({
  query: { ...sorted, [params.pageSize]: 2, [params.page]: pageNum },
  items: items(...ns),
  pageNum,
  pageSize: 2,
  pagesCount: 3,
  links: { First: 1, ...(pageNum > 1 ? { Previous: pageNum - 1 } : {}), ...(pageNum < 3 ? { Next: pageNum + 1 } : {}), Last: 3 },
  ...over,
});
const walk = (pages: PageSpec[], wholes: [PageSpec, PageSpec] = [whole(), whole()]) => [wholes[0], ...pages, wholes[1]].map(queryPage);
const good = () => [walkPage(1, [1, 2]), walkPage(2, [3, 4]), walkPage(3, [5])];

it('query.paging passes a sorted walk whose pages, counts and links agree with the query read as one page', () => {
  const verdicts = judge(queryPaging, walk(good()));
  expect(verdicts).toEqual([expect.stringMatching(/^passed: 5 page\(s\).*paging link\(s\) followed, the walk neither repeats nor loses an item$/)]);
});

it('query.paging fails a page before the last without a Next link', () => {
  const pages = good();
  pages[1] = walkPage(2, [3, 4], { links: { First: 1, Previous: 1, Last: 3 } });
  expect(judge(queryPaging, walk(pages))).toEqual([expect.stringMatching(/^failed: .*page 2 \(PageSize 2\) of 3: no Next link, although a page follows/)]);
});

it('query.paging fails a PagesCount one too many: the page it calls the last is empty, the real last has no Next', () => {
  const count4 = (pageNum: number, ns: number[], next = true) => walkPage(pageNum, ns, { pagesCount: 4, links: { First: 1, ...(pageNum > 1 ? { Previous: pageNum - 1 } : {}), ...(next ? { Next: pageNum + 1 } : {}), Last: 4 } });
  const pages = [count4(1, [1, 2]), count4(2, [3, 4]), count4(3, [5], false), count4(4, [], false)];
  const [verdict] = judge(queryPaging, walk(pages));
  expect(verdict).toMatch(/^failed: /);
  expect(verdict).toContain('page 3 (PageSize 2) of 4: holds 1 items; a page before the last holds PageSize');
  expect(verdict).toContain('page 3 (PageSize 2) of 4: no Next link');
  expect(verdict).toContain('page 4 (PageSize 2) of 4: the last page holds no item');
});

it('query.paging fails an item on two pages, and names the one lost', () => {
  const pages = good();
  pages[1] = walkPage(2, [2, 4]);
  const [verdict] = judge(queryPaging, walk(pages));
  expect(verdict).toMatch(/^failed: /);
  expect(verdict).toContain('is on page 1 and on page 2');
  expect(verdict).toContain(`lost: urn:veeam:`);
});

it('query.paging fails a Next link that leads to another page than the next', () => {
  const pages = good();
  pages[0] = walkPage(1, [1, 2], { links: { First: 1, Next: 3, Last: 3 } });
  expect(judge(queryPaging, walk(pages))).toEqual([expect.stringContaining('page 1 (PageSize 2): its Next link leads to page 3, not 2')]);
});

it('query.paging gives no verdict on overlap when the query read as one page changed during the walk (the data moved)', () => {
  const pages = good();
  pages[1] = walkPage(2, [2, 4]);
  expect(judge(queryPaging, walk(pages, [whole([1, 2, 3, 4, 5]), whole([1, 2, 3, 4, 6])]))).toEqual([expect.stringMatching(/^passed: (?!.*neither repeats)/)]);
});

it('query.paging fails a page that ignores the page size asked', () => {
  const page = walkPage(1, [1, 2, 3], { pageSize: 3, pagesCount: 2 });
  expect(judge(queryPaging, [queryPage(page)])[0]).toContain('pageSize 2 was asked, PageSize says 3');
});

const filtered = (filter: string, ns: TestItem[], over: Partial<PageSpec> = {}): Exchange =>
  queryPage({ query: { [params.filter]: filter }, items: ns, pageNum: 1, pageSize: 100, pagesCount: 1, links: { First: 1, Last: 1 }, ...over });
const enumValues = k.enum.field!.enum!;

it('query.filter passes when every item holds the filter, text compared case-insensitively, and fails an item that does not', () => {
  const [a, b] = enumValues;
  expect(judge(queryFilter, [filtered(`${k.enum.name}==${a}`, [{ n: 1, enumValue: a }])])).toEqual([expect.stringMatching(/^passed: /)]);
  expect(judge(queryFilter, [filtered(`${k.text.name}=="item 1"`, [{ n: 1, text: 'Item 1' }])])).toEqual([expect.stringMatching(/^passed: /)]);
  const [verdict] = judge(queryFilter, [filtered(`${k.enum.name}==${a}`, [{ n: 1, enumValue: a }, { n: 2, enumValue: b }])]);
  expect(verdict).toMatch(new RegExp(`^failed: .*${k.enum.name} is ${b}, which does not hold ${k.enum.name}==${a}`));
});

it('query.filter judges dates and numbers in order: an earlier date under >=, a larger number under <= fail', () => {
  const day = (d: number) => new Date(Date.UTC(2025, 0, d));
  expect(judge(queryFilter, [filtered(`${k.date.name}>="${day(5).toISOString()}"`, [{ n: 1, date: day(5) }, { n: 2, date: day(6) }])])).toEqual([expect.stringMatching(/^passed: /)]);
  expect(judge(queryFilter, [filtered(`${k.date.name}>="${day(5).toISOString()}"`, [{ n: 1, date: day(4) }])])).toEqual([expect.stringMatching(/^failed: /)]);
  expect(judge(queryFilter, [filtered(`${k.number.name}<=10`, [{ n: 1, number: 10 }, { n: 2, number: 11 }])])).toEqual([expect.stringMatching(/^failed: .*is 11/)]);
});

it('query.filter fails a one-page result that leaves out an item the run read unfiltered which holds the filter', () => {
  const [a] = enumValues;
  const unfiltered = queryPage({ query: { [params.pageSize]: 5 }, items: [{ n: 1, enumValue: a }, { n: 2, enumValue: a }], pageNum: 1, pageSize: 5, pagesCount: 1, links: { First: 1, Last: 1 } });
  const missing = filtered(`${k.enum.name}==${a}`, [{ n: 1, enumValue: a }]);
  expect(judge(queryFilter, [unfiltered, missing])).toEqual([expect.stringMatching(/^failed: .*Item 2.*but is not returned/)]);
  const complete = filtered(`${k.enum.name}==${a}`, [{ n: 1, enumValue: a }, { n: 2, enumValue: a }]);
  expect(judge(queryFilter, [unfiltered, complete])).toEqual([expect.stringMatching(/^passed: .*the 2 known to hold it returned/)]);
});

it('query.filter expects back only the items that hold a text filter as written: a server may compare text case-sensitively', () => {
  const unfiltered = queryPage({ query: { [params.pageSize]: 5 }, items: [{ n: 1, text: 'Nightly' }, { n: 2, text: 'NIGHTLY' }], pageNum: 1, pageSize: 5, pagesCount: 1, links: { First: 1, Last: 1 } });
  expect(judge(queryFilter, [unfiltered, filtered(`${k.text.name}=="Nightly"`, [{ n: 1, text: 'Nightly' }])])).toEqual([expect.stringMatching(/^passed: .*the 1 known to hold it returned/)]);
  expect(judge(queryFilter, [unfiltered, filtered(`${k.text.name}=="Nightly"`, [])])).toEqual([expect.stringMatching(/^failed: .*\(Nightly\) holds .* but is not returned/)]);
});

it('query.filter does not judge what it cannot read: an OR, or text in order', () => {
  const [a, b] = enumValues;
  expect(judge(queryFilter, [filtered(`${k.enum.name}==${a},${k.enum.name}==${b}`, [{ n: 1, enumValue: b }])])).toEqual([]);
  expect(judge(queryFilter, [filtered(`${k.text.name}>"m"`, [{ n: 1, text: 'a' }])])).toEqual([]);
});

const sortedBy = (param: string, field: string, dates: number[]): Exchange =>
  queryPage({ query: { [param]: field }, items: dates.map((d, i) => ({ n: i + 1, date: new Date(Date.UTC(2025, 0, d)) })), pageNum: 1, pageSize: 100, pagesCount: 1, links: { First: 1, Last: 1 } });

it('query.sort passes dates in the order asked and fails one out of it, both ways', () => {
  expect(judge(querySort, [sortedBy(params.sortAsc, k.date.name, [1, 2, 2, 5])])).toEqual([expect.stringMatching(/^passed: /)]);
  expect(judge(querySort, [sortedBy(params.sortDesc, k.date.name, [5, 2, 1])])).toEqual([expect.stringMatching(/^passed: /)]);
  expect(judge(querySort, [sortedBy(params.sortAsc, k.date.name, [1, 5, 2])])).toEqual([expect.stringMatching(/^failed: sortAsc=.*Item 3\) \(2025-01-02T00:00:00.000Z\) comes after .*Item 2\)/)]);
  expect(judge(querySort, [sortedBy(params.sortDesc, k.date.name, [1, 5, 2])])).toEqual([expect.stringMatching(/^failed: sortDesc=/)]);
});

it('query.sort leaves text and enum order to the server (collation, enum index): no verdict', () => {
  expect(judge(querySort, [sortedBy(params.sortAsc, k.text.name, [1, 2])])).toEqual([]);
  expect(judge(querySort, [sortedBy(params.sortAsc, k.enum.name, [1, 2])])).toEqual([]);
});
