import { fork } from 'node:child_process';
import { createMockState, defaultCredentials, serveMock } from '@vbem/mock';
import type { ScaleRun } from './scale-child.js';

/** The fake's default entities per collection (the small run), and the sizes the others hold: 10 and 100 times its entities. */
const SMALL = 8;
const RATIOS = [1, 10, 100] as const;
const CHILD = new URL('./scale-child.ts', import.meta.url);

/**
 * Entities per collection for a fake that holds `ratio` times the small run's entities, all
 * collections together: the documented ones do not grow with `entities`, so 100 times the
 * per-collection count alone would be less than 100 times the entities.
 */
function entitiesFor(ratio: number): number {
  const total = (entities: number) => [...createMockState({ entities }).collections.values()].reduce((sum, c) => sum + c.size, 0);
  const documented = total(0);
  const perCollection = (total(1) - documented) || 1;
  return Math.ceil((ratio * total(SMALL) - documented) / perCollection);
}

/** One run in a fresh process against a fake that holds `entities` per collection (served from this process). */
async function runAt(what: 'suite' | 'client', entities: number): Promise<ScaleRun & { entities: number; items: number }> {
  const state = createMockState({ entities });
  const items = [...state.collections.values()].reduce((sum, c) => sum + c.size, 0);
  const fake = await serveMock({ state });
  try {
    const run = await new Promise<ScaleRun>((resolve, reject) => {
      const child = fork(CHILD, [what, fake.url, defaultCredentials.user, defaultCredentials.password], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.once('message', (m) => resolve(m as ScaleRun));
      child.once('exit', (code) => reject(new Error(`a scale bench process exited with ${code} before answering`)));
    });
    return { ...run, entities, items };
  } finally {
    await fake.close();
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * Scale: the suite (server target, read-only, as against a real server) and the client streaming
 * every list with `items()`, against the fake holding the default, 10× and 100× its entities (all
 * collections together); time and peak RSS, and both per entity the fake holds, against the small run. The aim:
 * time linear in the items (µs per item flat), peak RSS flat.
 * @example for (const line of await benchScale()) console.log(line);
 */
export async function benchScale(): Promise<string[]> {
  const lines = ['scale (a fresh process per run; the fake served from the bench process; entities: all collections together)'];
  for (const what of ['suite', 'client'] as const) {
    const runs = [];
    for (const ratio of RATIOS) runs.push(await runAt(what, ratio === 1 ? SMALL : entitiesFor(ratio)));
    const small = runs[0]!;
    lines.push(`  ${what === 'suite' ? 'vbem conformance (server target)' : 'client: every list, items()'}`);
    for (const [i, r] of runs.entries()) {
      const perItem = (r.ms * 1000) / r.items;
      // What each entity added since the scale before costs: linear time keeps it flat (fixed costs drop out).
      const before = runs[i - 1];
      const marginal = before ? `, ${(((r.ms - before.ms) * 1000) / (r.items - before.items)).toFixed(0)} µs per entity added` : '';
      lines.push(
        `    ${String(r.entities).padStart(4)} per collection (${String(r.items).padStart(6)} entities): ${r.ms.toFixed(0).padStart(6)} ms, ${perItem.toFixed(0).padStart(5)} µs/entity (${(perItem / ((small.ms * 1000) / small.items)).toFixed(2)}× the small run's${marginal}), peak RSS ${mb(r.peakRss)} (${(r.peakRss / small.peakRss).toFixed(2)}× the small run's)${what === 'client' ? `; ${r.count} items streamed` : `; ${r.count} verdicts`}`,
      );
    }
  }
  return lines;
}
