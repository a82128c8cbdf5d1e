import { fork, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunPhases } from './main-job-child.js';
import { median } from './measure.js';

const MAIN_JOB_TARGET_S = 0.8;
const HELP_TARGET_S = 0.25;
/** Round 0 warms the disk cache and is not counted. */
const ROUNDS = 6;
/** The bundled `vbem` bin, beside the cli's library entry. */
const BIN = fileURLToPath(new URL('./vbem.js', import.meta.resolve('@vbem/cli')));
const CHILD = new URL('./main-job-child.ts', import.meta.url);

/** The wall time of one `vbem` command in a fresh process, in seconds (it must exit 0). */
function wallSeconds(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`vbem ${args.join(' ')} exited with ${run.status ?? run.signal}`);
  return (performance.now() - started) / 1000;
}

/** One conformance run inside a fresh process (tsc output), with every check or none: the time of each target. */
const phases = (checks: 'all' | 'none'): Promise<RunPhases> =>
  new Promise((resolve, reject) => {
    const child = fork(CHILD, [checks], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as RunPhases));
    child.once('exit', (code) => reject(new Error(`a main-job bench process exited with ${code} before answering`)));
  });

const spread = (values: readonly number[], digits: number, unit: string) =>
  `${median(values).toFixed(digits)} ${unit} (runs ${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const verdict = (value: number, target: number) => `target ≤ ${target} s: ${value <= target ? 'met' : 'NOT met'}`;

/**
 * The README's main job as a user runs it (`vbem conformance`, the built-in fake, a fresh process
 * each time) and `vbem --help`, wall time; then, in-process, what each target takes with every
 * check and with none, which separates the checks from making the exchanges (HTTP through MSW,
 * the client, the fake). Rounds interleave all four so load on the machine falls on all alike.
 * @example for (const line of await benchMainJob()) console.log(line);
 */
export async function benchMainJob(): Promise<string[]> {
  const help: number[] = [];
  const job: number[] = [];
  const all: RunPhases[] = [];
  const none: RunPhases[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const h = wallSeconds(['--help']);
    const j = wallSeconds(['conformance']);
    const a = await phases('all');
    const n = await phases('none');
    if (round === 0) continue;
    help.push(h);
    job.push(j);
    all.push(a);
    none.push(n);
  }
  const row = (label: string, runs: RunPhases[]) =>
    `    ${label.padEnd(16)} run ${spread(runs.map((r) => r.runMs), 0, 'ms')}; server target ${median(runs.map((r) => r.serverMs)).toFixed(0)} ms, client target ${median(runs.map((r) => r.clientMs)).toFixed(0)} ms; ${runs[0]!.checks} checks`;
  const share = median(all.map((a, i) => (a.runMs - none[i]!.runMs) / a.runMs));
  return [
    `main job (a fresh process each run; ${ROUNDS - 1} interleaved rounds after a warm-up round)`,
    `  vbem --help        ${spread(help, 2, 's')}  (${verdict(median(help), HELP_TARGET_S)})`,
    `  vbem conformance   ${spread(job, 2, 's')}  (${verdict(median(job), MAIN_JOB_TARGET_S)})`,
    '  inside the run (runConformance in-process, tsc output, start-up not counted)',
    row('every check', all),
    row('no check', none),
    `    the checks' share of the run: ${share.toFixed(2)} (the rest makes the exchanges: HTTP through MSW, the client, the fake)`,
  ];
}
