import { prng } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { Secrets } from './redact.js';

const RUNS = 5_000;
const SEED = Number(process.env.VBEM_PROPERTY_SEED ?? 20_261_130);

/** The oracle: at each place, every secret tried, longest first, a short one only where no letter or digit touches it. */
function naiveRedact(text: string, secrets: readonly string[]): string {
  const sorted = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const rest = chars.slice(i).join('');
    const hit = sorted.find((s) => rest.startsWith(s) && (s.length >= 6 || (!word(chars[i - 1]) && !word([...rest.slice(s.length)][0]))));
    if (hit) {
      out += '[redacted]';
      i += [...hit].length;
    } else out += chars[i++];
  }
  return out;
}

describe('Secrets.redact against a naive oracle', () => {
  it(`agrees on ${RUNS} random texts and secret sets (seed ${SEED})`, () => {
    const random = prng(SEED);
    const alphabet = ['a', 'b', 'A', '1', '-', ' ', '=', '/', 'é', '😀', '%'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let n = 0; n < RUNS; n++) {
      const secrets = Array.from({ length: Math.floor(random() * 5) }, () => word(8));
      const text = Array.from({ length: Math.floor(random() * 8) }, () => (random() < 0.4 && secrets.length > 0 ? secrets[Math.floor(random() * secrets.length)] : word(6))).join('');
      const set = new Secrets();
      set.add(...secrets);
      expect(set.redact(text), `#${n}: ${JSON.stringify({ text, secrets })}`).toBe(naiveRedact(text, secrets));
    }
  }, 60_000);
});
