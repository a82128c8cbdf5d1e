import type { ApiModel, ParamSpec } from '@vbem/models';
import { isItem } from '../operation-kinds.js';
import type { ProbeContext } from '../probe-context.js';

/** GET an item operation with ids no server issued: the documented 404 with an Error body. */
export interface UnknownIdProbe {
  readonly kind: 'unknown-id';
  readonly operation: string;
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
}

/** Each item operation that documents a 404 with an Error body, with ids from `randomId`. */
export function planUnknownIds(model: ApiModel, randomId: (param: ParamSpec) => string): UnknownIdProbe[] {
  return Object.values(model.operations)
    .filter(isItem)
    .flatMap((op) => {
      const notFound = op.responses.find((r) => r.status === 404 && r.error);
      return notFound ? [{ kind: 'unknown-id' as const, operation: op.id, params: Object.fromEntries(op.params.map((p) => [p.name, randomId(p)])), status: notFound.status }] : [];
    });
}

/** Asks the item with the planned ids. */
export async function runUnknownId(probe: UnknownIdProbe, ctx: ProbeContext): Promise<void> {
  await ctx.get(ctx.urlOf(ctx.op(probe.operation), probe.params), 'unknown-id');
}
