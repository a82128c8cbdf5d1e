import { matchOperation, withFormat, type ApiModel } from '@vbem/models';
import { formatsOf, isCollection, isItem, protocolIds } from '../operation-kinds.js';
import { pickSample } from '../pick-sample.js';
import { detached } from '../../kept-facts.js';
import type { ProbeContext } from '../probe-context.js';

/** GET up to K items of a collection (ids from its references) in every format of the item operation. */
export interface SampleProbe {
  readonly kind: 'sample';
  readonly operation: string;
  readonly collection: string;
  readonly formats: readonly string[];
}

/** Each item operation (but the protocol's) whose entity a collection lists. */
export function planSamples(model: ApiModel): SampleProbe[] {
  const ops = Object.values(model.operations);
  const protocol = protocolIds(model);
  return ops
    .filter((o) => isItem(o) && !protocol.has(o.id))
    .flatMap((op) => {
      const collection = ops.find((c) => isCollection(c) && c.entity !== undefined && c.entity === op.entity);
      return collection ? [{ kind: 'sample' as const, operation: op.id, collection: collection.id, formats: formatsOf(op) }] : [];
    });
}

/** Reads the sampled references' items in every format, keeping what they carry for follow-links. */
export async function runSample(probe: SampleProbe, ctx: ProbeContext): Promise<void> {
  const from = ctx.findings.refs.get(probe.collection) ?? [];
  if (ctx.sample === 0) ctx.skip(probe.operation, 'the sample size is 0');
  else if (from.length === 0) ctx.skip(probe.operation, `no item to sample: ${probe.collection} answered none`);
  for (const ref of pickSample(from, ctx.sample)) {
    ctx.findings.carriers.push(ref);
    const url = ref.Href === undefined ? undefined : ctx.resolve(ref.Href);
    const match = url && matchOperation('GET', url, ctx.model);
    if (!match || match.operation.id !== probe.operation) continue;
    for (const format of probe.formats) ctx.findings.carriers.push(...(await ctx.read(withFormat(ctx.urlOf(match.operation, match.params), format, ctx.model))).carriers.map(detached));
  }
}
