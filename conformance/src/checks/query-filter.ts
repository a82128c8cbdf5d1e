import type { Check } from '../check-result.js';
import { askedRepresentation } from '../asked-representation.js';
import { modelOf } from '../exchange-model.js';
import { dateText, paramOf, pagingLink, queryFieldsOf, keepQueryPage, queryPageOf, type QueryPage } from '../query-facts.js';
import { holds, judgeable, parseConjunction, type Comparison } from './filter-expression.js';
import { idOf, queryPagesOf } from './query-pages.js';
import { nameOf } from './carriers-of.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('query.filter');

const text = (c: Comparison) => `${c.field.name}${c.operator}${c.value}`;
const show = (value: unknown) => (value instanceof Date ? dateText(value) : String(value));

/** Whether an item holds every comparison: false at the first that fails, undefined when one cannot be judged on it. */
function matches(comparisons: readonly Comparison[], item: Record<string, unknown>, exactText = false): boolean | undefined {
  let all: boolean | undefined = true;
  for (const c of comparisons) {
    const held = holds(c, item[c.field.source], exactText);
    if (held === false) return false;
    if (held === undefined) all = undefined;
  }
  return all;
}

/** The whole result is on this page: the page is the only one. */
const isWhole = (p: QueryPage) => p.paging.PageNum === 1 && p.paging.PagesCount <= 1 && pagingLink(p.paging, 'Next') === undefined;

/**
 * query.filter: every item a filtered query returns holds the filter (comparisons joined by `;`,
 * on fields of the entity itself: equality of any kind, text case-insensitively, order of dates and
 * numbers), and, when the result is one page, every item the run read unfiltered from the same
 * query operation that holds it (text as written) is returned. A filter it cannot read (OR,
 * groups) is not judged.
 */
export const queryFilter: Check = {
  id: 'query.filter',
  scope: 'run',
  keep: keepQueryPage,
  title: 'a filtered query returns the items that hold the filter, and only those',
  run: (exchange, context) => {
    const page = queryPageOf(exchange);
    const filter = page && paramOf(page.url, page.params.filter);
    if (!page || filter === undefined || filter.trim() === '') return [];
    const comparisons = parseConjunction(filter, queryFieldsOf(modelOf(exchange), page.op));
    if (!comparisons?.every(judgeable)) return [];
    const problems: string[] = [];
    let judged = 0;
    for (const item of page.items) {
      const held = matches(comparisons, item);
      if (held !== undefined) judged++;
      if (held === false) {
        const broken = comparisons.find((c) => holds(c, item[c.field.source]) === false)!;
        problems.push(`${nameOf(item)}: ${broken.field.name} is ${show(item[broken.field.source])}, which does not hold ${text(broken)}`);
      }
    }
    let known = 0;
    if (isWhole(page)) {
      const returned = new Set(page.items.map(idOf));
      const unfiltered = [...queryPagesOf(context.exchanges).byUrl.values()].filter((p) => p.op.id === page.op.id && askedRepresentation(p.exchange) === askedRepresentation(page.exchange) && paramOf(p.url, p.params.filter) === undefined);
      // Known to hold it on any server: text as written (a server may compare it case-sensitively).
      const expected = new Map(unfiltered.flatMap((p) => p.items).filter((item) => matches(comparisons, item, true) === true).map((item) => [idOf(item), item]));
      known = expected.size;
      for (const [id, item] of expected) if (!returned.has(id)) problems.push(`${nameOf(item)} holds ${comparisons.map(text).join(';')} (as read unfiltered) but is not returned`);
    }
    if (judged === 0 && known === 0) return [];
    return problems.length > 0 ? [v.failed(`filter ${filter}: ${listOf(problems)}`)] : [v.passed(`filter ${filter}: ${judged} item(s) hold it${known > 0 ? `, the ${known} known to hold it returned` : ''}`)];
  },
};
