// One conformance run of the main-job bench in its own process (cold, as a user's run is):
// with every check, or with none ('none'); answers with the time each target took.
import { runConformance } from '@vbem/conformance';

export interface RunPhases {
  readonly runMs: number;
  readonly serverMs: number;
  readonly clientMs: number;
  /** The checks that gave a verdict. */
  readonly checks: number;
}

const noChecks = process.argv[2] === 'none';
const took: Record<string, number> = {};
let last = performance.now();
const started = last;
const report = await runConformance({
  ...(noChecks ? { checks: { server: [], client: [] } } : {}),
  onProgress: (event) => {
    // A target ends with its run-wide checks.
    if (event.kind !== 'run-checks') return;
    took[event.target] = performance.now() - last;
    last = performance.now();
  },
});
const { passed, failed, warnings, skipped } = report.summary;
if (failed > 0) throw new Error(`the main job failed ${failed} checks`);
const phases: RunPhases = { runMs: performance.now() - started, serverMs: took.server ?? 0, clientMs: took.client ?? 0, checks: passed + warnings + skipped };
process.send!(phases, () => process.disconnect());
