import { withFormat, type ApiModel } from '@vbem/models';
import { queryFieldsOf, queryParamsOf } from '../../query-facts.js';
import { isQuery } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';
import { entitiesFormatOf } from './query-format.js';

/** Sort a query by a date (else a number) field, ascending then descending, one page of entities each. */
export interface QuerySortProbe {
  readonly kind: 'query-sort';
  readonly operation: string;
  /** The format whose page holds the entities (their fields). */
  readonly format: string;
  /** The field sorted by. */
  readonly field: string;
  /** The sortAsc and sortDesc parameters. */
  readonly params: readonly [asc: string, desc: string];
  /** The page-size parameter, if documented: the page is kept small. */
  readonly pageSize?: string;
}

/** Items per sorted page. */
export const SORT_PAGE_SIZE = 10;

/** Each query operation with both sort parameters, a format of entities and a date or number field. */
export function planQuerySorts(model: ApiModel): QuerySortProbe[] {
  return Object.values(model.operations)
    .filter(isQuery)
    .flatMap((op) => {
      const { sortAsc, sortDesc, pageSize } = queryParamsOf(op);
      const format = entitiesFormatOf(model, op);
      const fields = queryFieldsOf(model, op);
      const field = fields.find((f) => f.kind === 'date') ?? fields.find((f) => f.kind === 'number');
      if (sortAsc === undefined || sortDesc === undefined || format === undefined || !field) return [];
      return [{ kind: 'query-sort' as const, operation: op.id, format, field: field.name, params: [sortAsc, sortDesc] as const, ...(pageSize ? { pageSize } : {}) }];
    });
}

/** Reads the first page sorted each way. */
export async function runQuerySort(probe: QuerySortProbe, ctx: ProbeContext): Promise<void> {
  const size = probe.pageSize ? { [probe.pageSize]: SORT_PAGE_SIZE } : {};
  for (const param of probe.params) await ctx.get(withFormat(ctx.urlOf(ctx.op(probe.operation), {}, { [param]: probe.field, ...size }), probe.format, ctx.model));
}
