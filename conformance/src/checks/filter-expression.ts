import { comparableOf, dateText, queryFieldNamed, type FieldKind, type QueryField } from '../query-facts.js';

export type Operator = '==' | '!=' | '>=' | '<=' | '>' | '<';

/** One comparison of a filter, its field known to the operation. */
export interface Comparison {
  readonly field: QueryField;
  readonly operator: Operator;
  readonly value: string;
}

const OPERATORS: readonly Operator[] = ['==', '!=', '>=', '<=', '>', '<'];

/**
 * A filter the suite can judge: comparisons joined by `;` (AND), each `Field<op>value` with the
 * value bare or quoted (`""` for a quote). Anything else (OR, groups, a field it cannot read) is
 * undefined: not judged, never guessed.
 * @example parseConjunction('Name=="a;b";Made>="2025-01-01T00:00:00Z"', fields)
 */
export function parseConjunction(text: string, fields: readonly QueryField[]): Comparison[] | undefined {
  const out: Comparison[] = [];
  let i = 0;
  while (i < text.length) {
    const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*/.exec(text.slice(i));
    if (!name) return undefined;
    i += name[0].length;
    const operator = OPERATORS.find((o) => text.startsWith(o, i));
    if (!operator) return undefined;
    i += operator.length;
    let value = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) return undefined;
        if (text[i] === '"' && text[i + 1] === '"') value += text[i++];
        else if (text[i] === '"') break;
        else value += text[i];
      }
      i++;
    } else {
      const start = i;
      while (i < text.length && !';,()"'.includes(text[i]!)) i++;
      value = text.slice(start, i).trim();
    }
    while (text[i] === ' ') i++;
    if (i < text.length && text[i] !== ';') return undefined;
    i++;
    const field = queryFieldNamed(fields, name[1]!);
    if (!field) return undefined;
    out.push({ field, operator, value });
  }
  return out.length > 0 ? out : undefined;
}

// Text and enum values are only told equal or not: their order is the server's collation or enum index, not documented here.
const ordered = (kind: FieldKind) => kind === 'date' || kind === 'number';

/** Whether the suite can judge a comparison: equality of any kind, order of dates and numbers. */
export const judgeable = (c: Comparison): boolean => c.operator === '==' || c.operator === '!=' || ordered(c.field.kind);

/**
 * Whether an item's value holds the comparison; undefined when the item has no value to judge.
 * Text compares case-insensitively (a server may); `exactText` compares it as written (what any
 * server must match).
 */
export function holds(c: Comparison, itemValue: unknown, exactText = false): boolean | undefined {
  const exact = exactText && c.field.kind === 'text' && itemValue !== undefined && itemValue !== null;
  const a = exact ? String(itemValue) : comparableOf(c.field.kind, itemValue);
  const b = exact ? c.value : comparableOf(c.field.kind, c.value);
  if (a === undefined || b === undefined) return undefined;
  switch (c.operator) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
  }
}

/** A value as a filter writes it: dates and text quoted (quotes doubled), enums and numbers bare. */
export function filterValue(kind: FieldKind, value: unknown): string {
  if (kind === 'number' || kind === 'enum') return String(value);
  const text = value instanceof Date ? dateText(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}
