import type { ApiModel } from '@vbem/models';
import { pagingLink, pagingOf, queryFieldsOf, queryParamsOf, UID } from '../../query-facts.js';
import { isQuery } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';

/** Walk the pages of a query with a small page size (sorted by UID where it can be), following its paging links; then read the same query as one larger page, before and after. */
export interface QueryPagingProbe {
  readonly kind: 'query-paging';
  readonly operation: string;
  /** The parameter that sets the page size. */
  readonly pageSize: string;
  /** The parameter that asks for a page, if documented. */
  readonly page?: string;
  /** The sort parameter and the field that give the pages a stable order (the UID), if documented. */
  readonly sort?: { readonly param: string; readonly field: string };
}

/** Items per page of the walk: small, so that a few entities make several pages. */
export const WALK_PAGE_SIZE = 2;
/** Pages walked at most by Next links. */
export const WALK_PAGES = 3;
/** Paging links (First, Previous, Last) followed at most beyond the walk. */
const EXTRA_LINKS = 2;

/** Each query operation that documents a page size. */
export function planQueryPaging(model: ApiModel): QueryPagingProbe[] {
  return Object.values(model.operations)
    .filter(isQuery)
    .flatMap((op) => {
      const params = queryParamsOf(op);
      if (params.pageSize === undefined) return [];
      const byUid = queryFieldsOf(model, op).find((f) => f.source === UID);
      const sort = params.sortAsc !== undefined && byUid ? { param: params.sortAsc, field: byUid.name } : undefined;
      return [{ kind: 'query-paging' as const, operation: op.id, pageSize: params.pageSize, ...(params.page ? { page: params.page } : {}), ...(sort ? { sort } : {}) }];
    });
}

/**
 * The walk: one larger page (WALK_PAGE_SIZE × WALK_PAGES), page 1 of WALK_PAGE_SIZE and its Next
 * links up to WALK_PAGES pages, a few of the pages' other paging links, and the larger page again
 * (the check judges the walk only when the two agree: the data held still). At most
 * WALK_PAGES + EXTRA_LINKS + 2 requests.
 */
export async function runQueryPaging(probe: QueryPagingProbe, ctx: ProbeContext): Promise<void> {
  const op = ctx.op(probe.operation);
  const sort = probe.sort ? { [probe.sort.param]: probe.sort.field } : {};
  const whole = ctx.urlOf(op, {}, { ...sort, [probe.pageSize]: WALK_PAGE_SIZE * WALK_PAGES });
  await ctx.get(whole);
  let step = await ctx.get(ctx.urlOf(op, {}, { ...sort, [probe.pageSize]: WALK_PAGE_SIZE, ...(probe.page ? { [probe.page]: 1 } : {}) }));
  const walked = [step.value];
  while (walked.length < WALK_PAGES) {
    const next = pagingOf(step.value) && pagingLink(pagingOf(step.value)!, 'Next');
    const url = next && ctx.resolve(next.Href);
    if (!url || ctx.fetched.has(url.href)) break;
    step = await ctx.get(url);
    walked.push(step.value);
  }
  let extra = 0;
  for (const value of walked) {
    const paging = pagingOf(value);
    for (const rel of ['First', 'Previous', 'Last']) {
      const link = paging && pagingLink(paging, rel);
      const url = link && ctx.resolve(link.Href);
      if (!url || ctx.fetched.has(url.href) || extra >= EXTRA_LINKS) continue;
      extra++;
      await ctx.get(url);
    }
  }
  await ctx.get(whole);
}
