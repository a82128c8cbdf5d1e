import type { ApiModel } from '@vbem/models';
import type { PlannedProbe } from './plan-probes.js';

/** A probe's key: its kind and operation (follow-links has none). */
const keyOf = (p: PlannedProbe) => `${p.kind} ${'operation' in p ? p.operation : ''}`;

/** The probes whose findings a probe starts from: the references a sample reads ids from, the parent items of a sub-collection, the items an action acts on. */
function prerequisitesOf(probe: PlannedProbe, model: ApiModel): string[] {
  if (probe.kind === 'sample') return [`collection ${probe.collection}`];
  if (probe.kind === 'sub-collection') return [`sample ${probe.parent}`];
  if (probe.kind === 'action') {
    const entity = model.operations[probe.operation]?.entity;
    return Object.values(model.operations).filter((o) => o.method === 'GET' && entity !== undefined && o.entity === entity).map((o) => `sample ${o.id}`);
  }
  return [];
}

/**
 * The probes of a plan a selection of operations needs: those of the selected operations, the
 * link-following (which follows links to selected operations only), and the probes they start from
 * (a collection read for the ids of its sampled items, a parent read for its sub-collection),
 * whose exchanges are sent but not judged. Order is kept.
 * @example selectProbes(planProbes(model).probes, new Set(['getWidget']), model) // the collection probes of listWidgets, the sample of getWidget, …
 */
export function selectProbes(probes: readonly PlannedProbe[], selected: ReadonlySet<string>, model: ApiModel): PlannedProbe[] {
  const needed = new Set<string>();
  const wanted = (p: PlannedProbe) => p.kind === 'follow-links' || selected.has(p.operation) || needed.has(keyOf(p));
  // A prerequisite may have its own (a sub-collection's parent sample needs its collection): to a fixed point.
  for (let size = -1; size !== needed.size; ) {
    size = needed.size;
    for (const p of probes) if (wanted(p)) for (const key of prerequisitesOf(p, model)) needed.add(key);
  }
  return probes.filter(wanted);
}
