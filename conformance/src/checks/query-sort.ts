import type { Check } from '../check-result.js';
import { modelOf } from '../exchange-model.js';
import { comparableOf, dateText, paramOf, queryFieldNamed, queryFieldsOf, queryPageOf } from '../query-facts.js';
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
      const value = item[field.source];
      const key = comparableOf(field.kind, value);
      return key === undefined ? [] : [{ item, key, shown: value instanceof Date ? dateText(value) : String(value) }];
    });
    if (keyed.length < 2) return [];
    for (let i = 1; i < keyed.length; i++) {
      const [a, b] = [keyed[i - 1]!, keyed[i]!];
      if (direction === 'sortAsc' ? a.key > b.key : a.key < b.key) {
        return [v.failed(`${direction}=${name}: ${nameOf(b.item)} (${b.shown}) comes after ${nameOf(a.item)} (${a.shown})`)];
      }
    }
    return [v.passed(`${direction}=${name}: ${keyed.length} items in order`)];
  },
};
