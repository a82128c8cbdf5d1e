import { withFormat, type ApiModel } from '@vbem/models';
import { formatsOf, isCollection, protocolIds } from '../operation-kinds.js';
import { detached } from '../../kept-facts.js';
import { pickSample } from '../pick-sample.js';
import type { ProbeContext } from '../probe-context.js';

/** GET a collection in one format; in the default format its references are the sample's source. */
export interface CollectionProbe {
  readonly kind: 'collection';
  readonly operation: string;
  readonly format: string;
}

/** Every format of each collection of the table (but the protocol's). */
export function planCollections(model: ApiModel): CollectionProbe[] {
  const protocol = protocolIds(model);
  return Object.values(model.operations)
    .filter((o) => isCollection(o) && !protocol.has(o.id))
    .flatMap((op) => formatsOf(op).map((format) => ({ kind: 'collection' as const, operation: op.id, format })));
}

/** Reads the collection; in the default format, keeps the references the sample reads (not the whole list: it may hold thousands). */
export async function runCollection(probe: CollectionProbe, ctx: ProbeContext): Promise<void> {
  const step = await ctx.read(withFormat(ctx.urlOf(ctx.op(probe.operation)), probe.format, ctx.model));
  if (probe.format === 'default') ctx.findings.refs.set(probe.operation, pickSample(step.carriers, ctx.sample).map(detached));
}
