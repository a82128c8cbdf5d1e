import { withFormat, type ApiModel, type QueryResult } from '@vbem/models';
import { pageItemsOf } from '../../query-facts.js';
import { understand } from '../../understand.js';
import { formatsOf, isQuery } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';

/** GET one page of a query operation in one format, with a small page size; follow its Next link once. */
export interface QueryProbe {
  readonly kind: 'query';
  readonly operation: string;
  readonly format: string;
  readonly pageSize?: string;
}

/** The query parameter that sets the page size, if the operation documents one. */
export const pageSizeParamOf = (op: { readonly query: readonly { readonly name: string; readonly type: string }[] }): string | undefined =>
  op.query.find((q) => q.type === 'int' && /^pagesize$/i.test(q.name))?.name;

/** Every format of each query operation. */
export function planQueryPages(model: ApiModel): QueryProbe[] {
  return Object.values(model.operations)
    .filter(isQuery)
    .flatMap((op) => {
      const pageSize = pageSizeParamOf(op);
      return formatsOf(op).map((format) => ({ kind: 'query' as const, operation: op.id, format, ...(pageSize ? { pageSize } : {}) }));
    });
}

/** Reads the first page (the sample size per page), keeping its items for the filter probes; in the default format, the next page too. */
export async function runQueryPage(probe: QueryProbe, ctx: ProbeContext): Promise<void> {
  const query = probe.pageSize ? { [probe.pageSize]: Math.max(ctx.sample, 1) } : {};
  const step = await ctx.get(withFormat(ctx.urlOf(ctx.op(probe.operation), {}, query), probe.format, ctx.model));
  const root = step.exchange && understand(step.exchange).representation?.root;
  if (step.value !== undefined && root !== undefined) ctx.findings.queryItems.set(`${probe.operation} ${probe.format}`, pageItemsOf(step.value, root));
  const next = (step.value as QueryResult | undefined)?.PagingInfo?.Links?.find((l) => l.Rel === 'Next');
  const nextUrl = next && ctx.resolve(next.Href);
  if (probe.format === 'default' && nextUrl) await ctx.get(nextUrl);
}
