import { PreciseDate } from '@vbem/models';
import type { FilterOperator } from './parse-filter.js';
import type { QueryField } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';

/**
 * A comparable form of a value of a field: text lower-cased, a date its instant key (to every digit
 * of the fraction a server wrote: .659559 is not .659), an enum value its ordinal.
 */
export function comparable(field: QueryField, value: string | number | Date, parameter: string): string | number {
  if (value instanceof Date) return PreciseDate.instantKey(value);
  if (typeof value === 'number') return value;
  if (field.kind === 'text') return value.toLowerCase();
  if (field.kind === 'number') {
    const n = Number(value);
    if (value.trim() === '' || Number.isNaN(n)) throw new QuerySyntaxError(`'${value}' is not a number`, parameter);
    return n;
  }
  if (field.kind === 'date') {
    const date = PreciseDate.fromText(value) ?? new Date(value);
    if (Number.isNaN(date.getTime())) throw new QuerySyntaxError(`'${value}' is not a date`, parameter);
    return PreciseDate.instantKey(date);
  }
  const ordinal = field.values!.findIndex((v) => v.toLowerCase() === value.toLowerCase());
  if (ordinal < 0) throw new QuerySyntaxError(`'${value}' is none of ${field.values!.join(', ')}`, parameter);
  return ordinal;
}

/** Whether `a operator b` holds; a missing value (a running session's EndTime) only ever differs. */
export function holds(a: string | number | undefined, operator: FilterOperator, b: string | number): boolean {
  if (a === undefined) return operator === '!=';
  switch (operator) {
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

/** Orders two comparable values, missing ones last. */
export function order(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
