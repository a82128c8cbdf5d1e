import { withFormat, type ApiModel } from '@vbem/models';
import { formatsOf, isSubCollection, parentOf } from '../operation-kinds.js';
import { detached } from '../../kept-facts.js';
import type { ProbeContext } from '../probe-context.js';
import type { PlannedSkip } from '../plan-probes.js';

/** GET the sub-collection of each sampled parent (of the parent item operation) in every format. */
export interface SubCollectionProbe {
  readonly kind: 'sub-collection';
  readonly operation: string;
  readonly parent: string;
  readonly formats: readonly string[];
}

/** Each sub-collection whose parent item an operation documents; the others skipped. */
export function planSubCollections(model: ApiModel): { probes: SubCollectionProbe[]; skipped: PlannedSkip[] } {
  const probes: SubCollectionProbe[] = [];
  const skipped: PlannedSkip[] = [];
  for (const op of Object.values(model.operations).filter(isSubCollection)) {
    const parent = parentOf(model, op);
    if (parent) probes.push({ kind: 'sub-collection', operation: op.id, parent: parent.id, formats: formatsOf(op) });
    else skipped.push({ operation: op.id, reason: 'no item operation documents its parent: no id to ask it with' });
  }
  return { probes, skipped };
}

/** Reads the sub-collection of each parent item read before, in every format. */
export async function runSubCollection(probe: SubCollectionProbe, ctx: ProbeContext): Promise<void> {
  const parents = ctx.findings.itemParams.get(probe.parent) ?? [];
  if (parents.length === 0) ctx.skip(probe.operation, `no parent item (${probe.parent}) was sampled`);
  const sub = ctx.op(probe.operation);
  for (const parent of parents) {
    const values = Object.values(parent);
    const params = Object.fromEntries(sub.params.map((p, i) => [p.name, values[i] ?? '']));
    for (const format of probe.formats) ctx.findings.carriers.push(...(await ctx.read(withFormat(ctx.urlOf(sub, params), format, ctx.model))).carriers.map(detached));
  }
}
