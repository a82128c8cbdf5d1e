import type { Check } from '../check-result.js';
import { modelOf } from '../exchange-model.js';
import { comparableOf, paramOf, queryFieldNamed, queryFieldsOf, queryPageOf } from '../query-facts.js';
import { nameOf } from './carriers-of.js';
import { verdict } from './verdict.js';

const v = verdict('query.sort');

/**
 * query.sort: the items of a query sorted by a date or number field (sortAsc or sortDesc) are in
 * that order. Items without a value are left out (where a server puts them is not documented), and
 * so are text and enum fields (their order is the server's collation or enum index).
 */
export const querySort: Check = {
  id: 'query.sort',
  scope: 'exchange',
  title: 'a sorted query returns its items in the order asked',
  run: (exchange) => {
    const page = queryPageOf(exchange);
    if (!page) return [];
    const asc = paramOf(page.url, page.params.sortAsc);
    const desc = paramOf(page.url, page.params.sortDesc);
    const name = desc ?? asc;
    if (name === undefined || (asc !== undefined && desc !== undefined)) return [];
    const field = queryFieldNamed(queryFieldsOf(modelOf(exchange), page.op), name);
    if (!field || (field.kind !== 'date' && field.kind !== 'number')) return [];
    const direction = desc !== undefined ? 'sortDesc' : 'sortAsc';
    const keyed = page.items.flatMap((item) => {
      const key = comparableOf(field.kind, item[field.source]);
      return key === undefined ? [] : [{ item, key }];
    });
    if (keyed.length < 2) return [];
    for (let i = 1; i < keyed.length; i++) {
      const [a, b] = [keyed[i - 1]!, keyed[i]!];
      if (direction === 'sortAsc' ? a.key > b.key : a.key < b.key) {
        const show = (k: string | number) => (field.kind === 'date' ? new Date(k).toISOString() : String(k));
        return [v.failed(`${direction}=${name}: ${nameOf(b.item)} (${show(b.key)}) comes after ${nameOf(a.item)} (${show(a.key)})`)];
      }
    }
    return [v.passed(`${direction}=${name}: ${keyed.length} items in order`)];
  },
};
