import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from '@vbem/models';
import type { Config, Doc } from './codec-worker.js';
import { referenceList, referenceValue, sessionValue } from './documents.js';
import { legacyEncode } from './legacy-encode.js';
import { median, quantile } from './measure.js';

const DECODE_TARGET = 0.8;
const ENCODE_TARGET = 0.5;
/** JSON decode is JSON.parse plus the mapping, not a second parse. */
const JSON_TARGET = 1.5;
/** Round 0 warms each process up and is not counted. */
const ROUNDS = 9;
const ITERATIONS = 3;
const CONFIGS: readonly Config[] = ['fxp-parse', 'decode', 'legacy-encode', 'encode', 'json-parse', 'json-decode'];
const LABELS: Record<Doc, string> = { refs: 'EntityReferences, 10,000 Refs', sessions: 'CloudFailoverSessions, 2,000 entities' };
const WORKER = new URL('./codec-worker.ts', import.meta.url);

function start(args: string[]): ChildProcess {
  return fork(WORKER, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const reply = <T>(child: ChildProcess): Promise<T> =>
  new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`a bench process exited with ${code} before answering`));
    child.once('exit', exited);
    child.once('message', (m) => {
      child.off('exit', exited);
      resolve(m as T);
    });
  });

/**
 * decode vs fast-xml-parser's plain `parse()` of the same text, and encode vs the XMLBuilder-based
 * encoder it replaced, and JSON decode vs `JSON.parse` of the same JSON text: each configuration in its own child process, rounds interleaved (the order
 * rotating each round) so load on the machine falls on all alike; median and spread printed.
 * Then peak RSS of decoding the Ref list, and the time of each hostile body.
 */
export async function benchCodecThroughput(): Promise<string[]> {
  const lines: string[] = [];
  // The bodies are those of the encoder now; the old one must write the same bytes.
  const same = (['EntityReferences', 'CloudFailoverSessions'] as const).every((type, i) => {
    const value = i === 0 ? referenceValue(200) : sessionValue(100);
    return encode(type, value as never) === legacyEncode(type, value);
  });
  lines.push(`codec (each configuration in its own process; ${ROUNDS - 1} interleaved rounds of ${ITERATIONS} runs after a warm-up round)`);
  lines.push(`  encode writes the same bytes as the XMLBuilder-based encoder: ${same ? 'yes' : 'NO'}`);

  const children = new Map(CONFIGS.map((c) => [c, start([c])] as const));
  await Promise.all([...children.values()].map((c) => reply(c)));
  const times = new Map<string, number[]>();
  const roundMedians = new Map<string, number[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const doc of ['refs', 'sessions'] as const) {
        const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length]!);
        for (const config of order) {
          const child = children.get(config)!;
          child.send({ doc, iterations: ITERATIONS });
          const { times: t } = await reply<{ times: number[] }>(child);
          if (round === 0) continue;
          const key = `${config}/${doc}`;
          times.set(key, [...(times.get(key) ?? []), ...t]);
          roundMedians.set(key, [...(roundMedians.get(key) ?? []), median(t)]);
        }
      }
    }
  } finally {
    for (const child of children.values()) child.send('exit');
  }

  const fmt = (key: string) => {
    const t = times.get(key)!;
    return `${median(t).toFixed(1)} ms (p10–p90 ${quantile(t, 0.1).toFixed(1)}–${quantile(t, 0.9).toFixed(1)}, n=${t.length})`;
  };
  const ratio = (ours: string, base: string) => {
    const per = roundMedians.get(ours)!.map((t, i) => t / roundMedians.get(base)![i]!);
    return { median: median(per), min: Math.min(...per), max: Math.max(...per) };
  };
  for (const doc of ['refs', 'sessions'] as const) {
    const d = ratio(`decode/${doc}`, `fxp-parse/${doc}`);
    const e = ratio(`encode/${doc}`, `legacy-encode/${doc}`);
    const j = ratio(`json-decode/${doc}`, `json-parse/${doc}`);
    lines.push(
      `  ${LABELS[doc]}`,
      `    fxp parse()     ${fmt(`fxp-parse/${doc}`)}`,
      `    decode          ${fmt(`decode/${doc}`)}`,
      `    decode / parse  ${d.median.toFixed(2)} (rounds ${d.min.toFixed(2)}–${d.max.toFixed(2)}; target ≤ ${DECODE_TARGET}: ${d.median <= DECODE_TARGET ? 'met' : 'NOT met'})`,
      `    old encode      ${fmt(`legacy-encode/${doc}`)}`,
      `    encode          ${fmt(`encode/${doc}`)}`,
      `    encode / old    ${e.median.toFixed(2)} (rounds ${e.min.toFixed(2)}–${e.max.toFixed(2)}; target ≤ ${ENCODE_TARGET}: ${e.median <= ENCODE_TARGET ? 'met' : 'NOT met'})`,
      `    JSON.parse()    ${fmt(`json-parse/${doc}`)}  (the same values as EM 12 JSON, nulls written)`,
      `    decodeJson      ${fmt(`json-decode/${doc}`)}`,
      `    decodeJson / JSON.parse  ${j.median.toFixed(2)} (rounds ${j.min.toFixed(2)}–${j.max.toFixed(2)}; target ≤ ${JSON_TARGET}: ${j.median <= JSON_TARGET ? 'met' : 'NOT met'})`,
    );
  }

  const dir = mkdtempSync(join(tmpdir(), 'vbem-bench-'));
  try {
    lines.push('  peak RSS (maxRSS; the body read from a file first, so the peak is the parse\'s)');
    for (const count of [10_000, 40_000]) {
      const file = join(dir, `refs-${count}.xml`);
      writeFileSync(file, referenceList(count));
      const mb = (kb: number) => (kb / 1024).toFixed(0);
      const row: string[] = [];
      for (const mode of ['rss-decode', 'rss-parse']) {
        const child = start([mode, file]);
        const { before, after } = await reply<{ before: number; after: number }>(child);
        row.push(`${mode === 'rss-decode' ? 'decode' : 'fxp parse()'} ${mb(after)} MB (+${mb(after - before)} MB over the body read)`);
      }
      lines.push(`    ${count.toLocaleString('en')} Refs: ${row.join('; ')}`);
    }
    const refusal = start(['rss-refusal']);
    const { before, after, kept } = await reply<{ before: number; after: number; kept: number }>(refusal);
    lines.push(`    16 MiB of <Ref/> (refused, ${kept} issues listed): ${(after / 1024).toFixed(0)} MB (+${((after - before) / 1024).toFixed(0)} MB over the body built)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const hostile = start(['hostile']);
  const { times: cases } = await reply<{ times: [string, number, string][] }>(hostile);
  lines.push('  hostile bodies (best of 3 decodes each; outcome)');
  for (const [name, ms, outcome] of cases) lines.push(`    ${ms.toFixed(1).padStart(7)} ms  ${outcome.padEnd(17)} ${name}`);
  return lines;
}
