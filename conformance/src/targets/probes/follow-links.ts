import { followSample } from '../follow-sample.js';
import type { ProbeContext } from '../probe-context.js';

/** Follow the documented links (Up, Alternate) of what was read, on the server's origin only. */
export interface FollowLinksProbe {
  readonly kind: 'follow-links';
}

/** Follows the links of everything read so far. */
export async function runFollowLinks(_probe: FollowLinksProbe, ctx: ProbeContext): Promise<void> {
  await followSample(ctx.findings.carriers, { model: ctx.model, resolve: ctx.resolve, fetched: ctx.fetched, get: (url) => ctx.read(url) });
}
