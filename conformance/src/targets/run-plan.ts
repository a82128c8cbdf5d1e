import type { PlannedProbe } from './plan-probes.js';
import type { ProbeContext } from './probe-context.js';
import { runAction } from './probes/action.js';
import { runCollection } from './probes/collection.js';
import { runFollowLinks } from './probes/follow-links.js';
import { runQueryFilter } from './probes/query-filter.js';
import { runQueryPage } from './probes/query-page.js';
import { runQueryPaging } from './probes/query-paging.js';
import { runQuerySort } from './probes/query-sort.js';
import { runSample } from './probes/sample.js';
import { runSubCollection } from './probes/sub-collection.js';
import { runUnknownId } from './probes/unknown-id.js';

type Runners = { readonly [K in PlannedProbe['kind']]: (probe: Extract<PlannedProbe, { kind: K }>, ctx: ProbeContext) => Promise<void> };

/** The module that runs each kind of probe. */
const runners: Runners = {
  collection: runCollection,
  query: runQueryPage,
  sample: runSample,
  'sub-collection': runSubCollection,
  'follow-links': runFollowLinks,
  'unknown-id': runUnknownId,
  'query-paging': runQueryPaging,
  'query-filter': runQueryFilter,
  'query-sort': runQuerySort,
  action: runAction,
};

/**
 * Runs the planned probes in order, each by the module of its kind; later probes start from what
 * earlier ones read (`ctx.findings`).
 * @example await runPlan(planProbes(model).probes, ctx)
 */
export async function runPlan(probes: readonly PlannedProbe[], ctx: ProbeContext): Promise<void> {
  for (const probe of probes) await (runners[probe.kind] as (p: PlannedProbe, c: ProbeContext) => Promise<void>)(probe, ctx);
}
