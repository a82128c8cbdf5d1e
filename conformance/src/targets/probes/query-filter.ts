import { withFormat, type ApiModel } from '@vbem/models';
import { filterValue } from '../../checks/filter-expression.js';
import { comparableOf, queryFieldsOf, queryParamsOf, UID, type FieldKind, type QueryField } from '../../query-facts.js';
import { isQuery } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';
import { entitiesFormatOf } from './query-format.js';

/** Filter a query by one field of each kind (text, enum, date, number), with values taken from an item the run read unfiltered. */
export interface QueryFilterProbe {
  readonly kind: 'query-filter';
  readonly operation: string;
  /** The format whose page holds the entities (their fields). */
  readonly format: string;
  /** The filter parameter. */
  readonly filter: string;
  /** One field of each kind the operation's queryFields have. */
  readonly fields: readonly QueryField[];
}

const KINDS: readonly FieldKind[] = ['text', 'enum', 'date', 'number'];

/** Each query operation with a filter parameter, a format of entities and fields of the entity's own. */
export function planQueryFilters(model: ApiModel): QueryFilterProbe[] {
  return Object.values(model.operations)
    .filter(isQuery)
    .flatMap((op) => {
      const filter = queryParamsOf(op).filter;
      const format = entitiesFormatOf(model, op);
      const all = queryFieldsOf(model, op);
      // Another text field (a name) tells items apart better than the UID, which matches one item only.
      const fields = KINDS.flatMap((kind) => {
        const ofKind = all.filter((f) => f.kind === kind);
        const chosen = ofKind.find((f) => f.source !== UID) ?? ofKind[0];
        return chosen ? [chosen] : [];
      });
      return filter !== undefined && format !== undefined && fields.length > 0 ? [{ kind: 'query-filter' as const, operation: op.id, format, filter, fields }] : [];
    });
}

/**
 * The comparison to send for a field: equality for text and enums, `>=` the latest date, `<=` the
 * smallest number, on a value that some read items hold and others do not where there is one (so
 * that a server ignoring the filter shows). An enum value the documents do not list (a server's
 * addition) is never sent: a server may refuse to filter on it.
 */
export function comparisonFor(field: QueryField, items: readonly Record<string, unknown>[]): string | undefined {
  const documented = (v: unknown) => field.values === undefined || field.values.some((d) => d.toLowerCase() === String(v).toLowerCase());
  const valued = items.filter((i) => comparableOf(field.kind, i[field.source]) !== undefined && documented(i[field.source]));
  if (valued.length === 0) return undefined;
  const key = (i: Record<string, unknown>) => comparableOf(field.kind, i[field.source])!;
  let pick = valued[0]!;
  let operator = '==';
  if (field.kind === 'date') [pick, operator] = [valued.reduce((a, b) => (key(b) > key(a) ? b : a)), '>='];
  else if (field.kind === 'number') [pick, operator] = [valued.reduce((a, b) => (key(b) < key(a) ? b : a)), '<='];
  else pick = valued.find((i) => valued.some((o) => key(o) !== key(i))) ?? pick;
  return `${field.name}${operator}${filterValue(field.kind, pick[field.source])}`;
}

/** Sends one filtered query per field, in the entities format. */
export async function runQueryFilter(probe: QueryFilterProbe, ctx: ProbeContext): Promise<void> {
  const items = ctx.findings.queryItems.get(`${probe.operation} ${probe.format}`) ?? [];
  if (items.length === 0) ctx.skip(probe.operation, `query.filter: no item was read unfiltered (${probe.format}) to take a filter value from`);
  for (const field of probe.fields) {
    const filter = comparisonFor(field, items);
    if (filter !== undefined) await ctx.get(withFormat(ctx.urlOf(ctx.op(probe.operation), {}, { [probe.filter]: filter }), probe.format, ctx.model));
  }
}
