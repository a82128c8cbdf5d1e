import { comparable, holds } from './compare-values.js';
import type { FilterNode } from './parse-filter.js';
import type { MockEntity } from '../mock-state.js';
import { queryFieldOf, type QueryFields } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';

/**
 * A predicate over query rows; fields and values are checked now, so a bad filter fails even
 * when there is nothing to filter.
 * @throws {QuerySyntaxError} for an unknown field or a value its field cannot hold.
 * @example rows.filter(compileFilter(parseFilter('Result==failed'), fields))
 */
export function compileFilter(node: FilterNode, fields: QueryFields): (row: MockEntity) => boolean {
  if (node.kind !== 'compare') {
    const items = node.items.map((item) => compileFilter(item, fields));
    return node.kind === 'and' ? (row) => items.every((f) => f(row)) : (row) => items.some((f) => f(row));
  }
  const field = queryFieldOf(fields, node.field);
  if (!field) throw new QuerySyntaxError(`Unknown filter field '${node.field}'; known: ${Object.keys(fields).join(', ')}`, 'filter');
  const wanted = comparable(field, node.value, 'filter');
  return (row) => {
    const value = field.get(row);
    return holds(value === undefined ? undefined : comparable(field, value, 'filter'), node.operator, wanted);
  };
}
