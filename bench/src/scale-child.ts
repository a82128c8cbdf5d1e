// One run of the scale bench in its own process, so its peak RSS is its own: the conformance suite
// (server target, read-only) or the client streaming every list, against the fake at `url`.
import { createClient, methodPlans } from '@vbem/client';
import { runConformance } from '@vbem/conformance';
import { builtinModel as model } from '@vbem/models';

export interface ScaleRun {
  readonly ms: number;
  /** Peak resident set size of this process, in bytes. */
  readonly peakRss: number;
  /** Items read: the client's streamed items; the suite's checks that gave a verdict. */
  readonly count: number;
}

const [what, url, username, password] = process.argv.slice(2) as ['suite' | 'client', string, string, string];
const started = performance.now();
let count = 0;
if (what === 'suite') {
  const report = await runConformance({ baseUrl: url, username, password, targets: ['server'] });
  if (report.summary.failed > 0) throw new Error(`the scale run failed ${report.summary.failed} checks`);
  count = report.summary.passed + report.summary.warnings + report.summary.skipped;
} else {
  const client = createClient({ baseUrl: url, username, password });
  const groups = client as unknown as Record<string, Record<string, { items?: () => AsyncGenerator<unknown> }>>;
  for (const operation of Object.values(model.operations)) {
    if (operation.method !== 'GET' || operation.params.length > 0) continue;
    for (const plan of methodPlans(operation)) {
      const items = groups[operation.resource]?.[plan.name]?.items;
      if (items) for await (const _ of items()) count++;
    }
  }
  await client.logoff();
}
const run: ScaleRun = { ms: performance.now() - started, peakRss: process.resourceUsage().maxRSS * 1024, count };
process.send!(run, () => process.disconnect());
