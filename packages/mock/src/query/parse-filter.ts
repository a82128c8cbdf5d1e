import { QuerySyntaxError } from './query-syntax-error.js';

export type FilterOperator = '==' | '!=' | '>=' | '<=' | '>' | '<';

/** A parsed query filter: comparisons joined by `;` (AND, binding tighter) and `,` (OR), with `( )`. */
export type FilterNode =
  | { readonly kind: 'or' | 'and'; readonly items: readonly FilterNode[] }
  | { readonly kind: 'compare'; readonly field: string; readonly operator: FilterOperator; readonly value: string };

const OPERATORS: readonly FilterOperator[] = ['==', '!=', '>=', '<=', '>', '<'];

/**
 * Parses the query service's `filter`: `Field==value`, operators `== != > < >= <=`, `;` for AND,
 * `,` for OR, parentheses; values quoted with `"` when they hold those characters (`""` for a quote).
 * @throws {QuerySyntaxError} naming the position.
 * @example parseFilter('Result==Failed;CreationTime>"2025-01-01"')
 */
export function parseFilter(text: string): FilterNode {
  let i = 0;
  const fail = (expected: string): never => {
    throw new QuerySyntaxError(`Cannot parse the filter at position ${i + 1}: expected ${expected}, got ${i < text.length ? `'${text[i]}'` : 'the end'}`, 'filter', i);
  };
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  const list = (kind: 'or' | 'and', separator: string, item: () => FilterNode): FilterNode => {
    const items = [item()];
    while ((skip(), text[i] === separator)) {
      i++;
      items.push(item());
    }
    return items.length === 1 ? items[0]! : { kind, items };
  };
  const or = (): FilterNode => list('or', ',', and);
  const and = (): FilterNode => list('and', ';', primary);
  const primary = (): FilterNode => {
    skip();
    if (text[i] === '(') {
      i++;
      const inner = or();
      skip();
      if (text[i] !== ')') fail("')'");
      i++;
      return inner;
    }
    const field = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0] ?? fail('a field name');
    i += field.length;
    skip();
    const operator = OPERATORS.find((op) => text.startsWith(op, i)) ?? fail('an operator (== != > < >= <=)');
    i += operator.length;
    skip();
    return { kind: 'compare', field, operator, value: value() };
  };
  const value = (): string => {
    if (text[i] !== '"') {
      const start = i;
      while (i < text.length && !';,()'.includes(text[i]!)) i++;
      return text.slice(start, i).trim();
    }
    let out = '';
    for (i++; ; i++) {
      if (i >= text.length) fail('a closing quote');
      if (text[i] === '"' && text[i + 1] === '"') out += text[i++];
      else if (text[i] === '"') break;
      else out += text[i];
    }
    i++;
    return out;
  };
  const node = or();
  skip();
  if (i < text.length) fail("';', ',' or the end");
  return node;
}
