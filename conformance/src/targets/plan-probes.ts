import type { ApiModel, ParamSpec } from '@vbem/models';
import { planActions, type ActionProbe } from './probes/action.js';
import { planCollections, type CollectionProbe } from './probes/collection.js';
import type { FollowLinksProbe } from './probes/follow-links.js';
import { planQueryFilters, type QueryFilterProbe } from './probes/query-filter.js';
import { planQueryPages, type QueryProbe } from './probes/query-page.js';
import { planQueryPaging, type QueryPagingProbe } from './probes/query-paging.js';
import { planQuerySorts, type QuerySortProbe } from './probes/query-sort.js';
import { planSamples, type SampleProbe } from './probes/sample.js';
import { planSubCollections, type SubCollectionProbe } from './probes/sub-collection.js';
import { planUnknownIds, type UnknownIdProbe } from './probes/unknown-id.js';

/**
 * The planner of the server target: the operation table in, the ordered probes out. Pure: it sends
 * nothing and reads nothing but the model (and the id source it is given). Each kind of probe is
 * planned and run by its own module under probes/.
 */

export { CHANGES_STATE, NOT_AN_ACTION } from './probes/action.js';
export { isCollection, isItem, isQuery, isSubCollection, parentOf, protocolIds } from './operation-kinds.js';

/** One planned request (or family of requests, when it depends on what an earlier one read). */
export type PlannedProbe =
  | CollectionProbe
  | QueryProbe
  | SampleProbe
  | SubCollectionProbe
  | FollowLinksProbe
  | UnknownIdProbe
  | QueryPagingProbe
  | QueryFilterProbe
  | QuerySortProbe
  | ActionProbe;

/** An operation of the table no probe will send, and why. */
export interface PlannedSkip {
  readonly operation: string;
  readonly reason: string;
}

export interface ProbePlan {
  readonly probes: readonly PlannedProbe[];
  readonly skipped: readonly PlannedSkip[];
}

export interface PlanOptions {
  /** State-changing operations are planned (only for the built-in fake the run started itself). (default: false) */
  readonly allowWrites?: boolean;
  /** The documented actions (answered with a Task) are planned: a lab server the user named twice. (default: false) */
  readonly labActions?: boolean;
  /** Makes the random ids of the unknown-id probes. (default: a random GUID, or a random string for a string parameter) */
  readonly randomId?: (param: ParamSpec) => string;
}

const defaultRandomId = (param: ParamSpec): string =>
  param.type === 'guid' ? crypto.randomUUID() : `vbem-unknown-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;

/**
 * The probes the server target sends, in order, and the operations it leaves out with the reason.
 * The protocol's own operations (entry point, logon, logon session, logoff) are the target's frame
 * and appear in neither list; every other operation of the table is in one or both.
 * @example planProbes(builtinModel).probes.filter((p) => p.kind === 'collection')
 */
export function planProbes(model: ApiModel, options: PlanOptions = {}): ProbePlan {
  const subCollections = planSubCollections(model);
  const actions = planActions(model, options.allowWrites === true, options.labActions === true);
  const probes: PlannedProbe[] = [
    ...planCollections(model),
    ...planQueryPages(model),
    ...planSamples(model),
    ...subCollections.probes,
    { kind: 'follow-links' },
    ...planUnknownIds(model, options.randomId ?? defaultRandomId),
    // The query service judged, before any action changes the data: paging, filter, sort.
    ...planQueryPaging(model),
    ...planQueryFilters(model),
    ...planQuerySorts(model),
    ...actions.probes,
  ];
  return { probes, skipped: [...subCollections.skipped, ...actions.skipped] };
}
