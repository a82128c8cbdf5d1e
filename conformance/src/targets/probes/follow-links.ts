import { matchOperation } from '@vbem/models';
import { followSample } from '../follow-sample.js';
import type { ProbeContext } from '../probe-context.js';

/** Follow the documented links (Up, Alternate) of what was read, on the server's origin only. */
export interface FollowLinksProbe {
  readonly kind: 'follow-links';
}

/** Follows the links of everything read so far (to the operations `ctx.follows` names, when it names some). */
export async function runFollowLinks(_probe: FollowLinksProbe, ctx: ProbeContext): Promise<void> {
  const { follows } = ctx;
  const resolve = follows === undefined ? ctx.resolve : (href: string) => {
    const url = ctx.resolve(href);
    const id = url && matchOperation('GET', url, ctx.model)?.operation.id;
    return id !== undefined && follows.has(id) ? url : undefined;
  };
  await followSample(ctx.findings.carriers, { model: ctx.model, resolve, fetched: ctx.fetched, get: (url) => ctx.read(url) });
}
