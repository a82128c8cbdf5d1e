import type { Fault, QueryFault } from '../fault.js';
import type { FilterNode } from './parse-filter.js';

/** The query faults of an operation's fault, as a set. */
export const queryFaultsOf = (fault: Fault | undefined): ReadonlySet<QueryFault> => new Set(typeof fault?.query === 'string' ? [fault.query] : (fault?.query ?? []));

/** The filter with `>=` and `<=` turned into `>` and `<` (the `exclusive-bounds` fault). */
export function exclusiveBounds(node: FilterNode): FilterNode {
  if (node.kind !== 'compare') return { kind: node.kind, items: node.items.map(exclusiveBounds) };
  return node.operator === '>=' ? { ...node, operator: '>' } : node.operator === '<=' ? { ...node, operator: '<' } : node;
}
