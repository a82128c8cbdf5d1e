import type { Check } from '../check-result.js';
import { pagingLink, keepQueryPage, queryPageOf, type QueryPage } from '../query-facts.js';
import { askedPage, askedPageSize, idOf, queryKeyOf, queryPagesOf, urlKeyOf, type QueryPages } from './query-pages.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('query.paging');

/** Where each paging link must lead, from the page that carries it. */
const leadsTo: Readonly<Record<string, (p: QueryPage) => number>> = {
  First: () => 1,
  Previous: (p) => p.paging.PageNum - 1,
  Next: (p) => p.paging.PageNum + 1,
  Last: (p) => p.paging.PagesCount,
};

const where = (p: QueryPage) => `page ${p.paging.PageNum} (PageSize ${p.paging.PageSize})`;

/** What one page says about itself: the page and size asked, its item count, the links it must and must not have. */
function pageProblems(p: QueryPage): string[] {
  const out: string[] = [];
  const { PageNum, PageSize, PagesCount } = p.paging;
  const n = p.items.length;
  const size = askedPageSize(p);
  const asked = askedPage(p);
  const has = (rel: string) => pagingLink(p.paging, rel) !== undefined;
  if (size !== undefined && PageSize !== size) out.push(`${where(p)}: pageSize ${size} was asked, PageSize says ${PageSize}`);
  if (asked !== undefined && PageNum !== asked) out.push(`${where(p)}: page ${asked} was asked, PageNum says ${PageNum}`);
  if (n > PageSize) out.push(`${where(p)}: holds ${n} items, more than its PageSize`);
  if (PageNum < PagesCount) {
    if (n !== PageSize) out.push(`${where(p)} of ${PagesCount}: holds ${n} items; a page before the last holds PageSize`);
    if (!has('Next')) out.push(`${where(p)} of ${PagesCount}: no Next link, although a page follows`);
  } else {
    if (has('Next')) out.push(`${where(p)} of ${PagesCount}: a Next link on the last page`);
    if (PageNum > Math.max(PagesCount, 1)) out.push(`${where(p)}: PageNum is past PagesCount ${PagesCount}`);
    else if (PagesCount > 1 && n === 0) out.push(`${where(p)} of ${PagesCount}: the last page holds no item (PagesCount one too many?)`);
  }
  if (PageNum > 1 && !has('Previous')) out.push(`${where(p)}: no Previous link, although a page comes before`);
  if (PageNum <= 1 && has('Previous')) out.push(`${where(p)}: a Previous link on the first page`);
  if (n > 0) for (const rel of ['First', 'Last']) if (!has(rel)) out.push(`${where(p)}: no ${rel} link`);
  return out;
}

/** Each paging link the run followed leads to the page it names, of the same size. */
function linkProblems(p: QueryPage, pages: QueryPages): { problems: string[]; followed: number } {
  const problems: string[] = [];
  let followed = 0;
  for (const [rel, expected] of Object.entries(leadsTo)) {
    const link = pagingLink(p.paging, rel);
    const target = link && pages.byUrl.get(urlKeyOf(p, link.Href));
    if (!target) continue;
    followed++;
    if (target.paging.PageNum !== expected(p)) problems.push(`${where(p)}: its ${rel} link leads to page ${target.paging.PageNum}, not ${expected(p)}`);
    else if (target.paging.PageSize !== p.paging.PageSize) problems.push(`${where(p)}: its ${rel} link leads to a page of PageSize ${target.paging.PageSize}`);
  }
  return { problems, followed };
}

/**
 * The walked pages against one larger first page of the same query, read before and after the walk:
 * when those two agree (the data held still), page N of size S holds exactly items (N-1)·S+1…N·S of
 * it: no item on two pages, none lost. Only where the pages are in a stated order (a sort parameter).
 */
function walkProblems(group: readonly QueryPage[]): { problems: string[]; judged: boolean } {
  const sorted = group[0]!.params.sortAsc !== undefined || group[0]!.params.sortDesc !== undefined;
  const smallest = Math.min(...group.map((p) => p.paging.PageSize));
  const walk = group.filter((p) => p.paging.PageSize === smallest);
  const wholes = group.filter((p) => p.paging.PageNum === 1 && p.paging.PageSize > smallest);
  if (!sorted || wholes.length < 2) return { problems: [], judged: false };
  const ids = wholes.map((w) => w.items.map(idOf));
  const steady = ids.every((list) => list.join('\n') === ids[0]!.join('\n'));
  if (!steady) return { problems: [], judged: false }; // the data changed during the walk: no verdict on it
  const problems: string[] = [];
  const whole = ids[0]!;
  const seen = new Map<string, number>();
  for (const p of walk) {
    const num = p.paging.PageNum;
    for (const id of p.items.map(idOf)) {
      const on = seen.get(id);
      if (on !== undefined && on !== num) problems.push(`${id} is on page ${on} and on page ${num} (PageSize ${smallest})`);
      seen.set(id, num);
    }
    if (num * smallest > wholes[0]!.paging.PageSize) continue;
    const expected = whole.slice((num - 1) * smallest, num * smallest);
    const got = p.items.map(idOf);
    if (got.join('\n') !== expected.join('\n')) {
      const lost = expected.filter((id) => !got.includes(id));
      problems.push(`page ${num} (PageSize ${smallest}) holds ${got.length} items that are not items ${(num - 1) * smallest + 1}-${num * smallest} of the same query with PageSize ${wholes[0]!.paging.PageSize}${lost.length > 0 ? `; lost: ${listOf(lost, 2)}` : ''}`);
    }
  }
  return { problems: [...new Set(problems)], judged: true };
}

/**
 * query.paging: the pages of each query the run read (grouped by the query without its page and
 * page size) say consistent things about themselves (PageNum and PageSize as asked, a full page
 * before the last, an item on the last, First/Previous/Next/Last where they belong), each paging
 * link followed leads to the page it names, and a sorted walk neither repeats nor loses an item.
 * One verdict per query, on its first page.
 */
export const queryPaging: Check = {
  id: 'query.paging',
  scope: 'run',
  keep: keepQueryPage,
  title: 'the pages of a query are consistent: counts, links, no item on two pages, none lost',
  run: (exchange, context) => {
    const first = queryPageOf(exchange);
    if (!first) return [];
    const pages = queryPagesOf(context.exchanges);
    const group = pages.byQuery.get(queryKeyOf(first)) ?? [];
    if (group[0]?.exchange !== exchange) return [];
    const problems: string[] = [];
    let followed = 0;
    for (const p of group) {
      problems.push(...pageProblems(p));
      const links = linkProblems(p, pages);
      problems.push(...links.problems);
      followed += links.followed;
    }
    const walk = walkProblems(group);
    problems.push(...walk.problems);
    const unique = [...new Set(problems)];
    if (unique.length > 0) return [v.failed(listOf(unique))];
    return [v.passed(`${group.length} page(s) of the query consistent, ${followed} paging link(s) followed${walk.judged ? ', the walk neither repeats nor loses an item' : ''}`)];
  },
};
