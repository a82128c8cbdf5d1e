import { prng, PreciseDate } from '@vbem/models';
import { expect, it } from 'vitest';
import { valueDifferences, valueDigest } from './value-differences.js';

/** A random decoded-like value: objects, arrays, text, numbers, booleans, dates, null and absent properties, a few of each. */
function valueFrom(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 8));
  const texts = ['a', 'b', '', 'urn:veeam:x', '1'];
  switch (pick) {
    case 0: return texts[Math.floor(next() * texts.length)];
    case 1: return Math.floor(next() * 3) - 1;
    case 2: return next() < 0.5;
    case 3: return next() < 0.5 ? null : undefined;
    case 4: return new Date(Date.UTC(2026, 0, 1 + Math.floor(next() * 2)));
    case 5: return PreciseDate.fromText(next() < 0.5 ? '2026-06-16T06:33:10.659559Z' : '2026-06-16T06:33:10.659Z');
    case 6: return Array.from({ length: Math.floor(next() * 3) }, () => valueFrom(next, depth + 1));
    default: return Object.fromEntries(['A', 'B', 'C'].filter(() => next() < 0.6).map((k) => [k, valueFrom(next, depth + 1)]));
  }
}

/** The same value built again: new objects, keys in the other order, an absent property written as undefined. */
function rebuilt(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rebuilt);
  if (v instanceof Date) return v instanceof PreciseDate ? v : new Date(v.getTime());
  if (typeof v === 'object' && v !== null) return { Z: undefined, ...Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, rebuilt(x)])) };
  return v;
}

it('gives two values the same digest exactly when valueDifferences finds nothing between them', () => {
  const next = prng(15);
  let same = 0;
  for (let i = 0; i < 4000; i++) {
    const a = valueFrom(next);
    const b = next() < 0.5 ? rebuilt(a) : valueFrom(next);
    // The oracle: the comparison representations.agree makes on the values themselves.
    const agree = valueDifferences(a, b, '', 1).length === 0;
    if (agree) same++;
    expect(valueDigest(a) === valueDigest(b), `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(agree);
  }
  // Both outcomes were met often enough to mean something.
  expect(same).toBeGreaterThan(1000);
  expect(same).toBeLessThan(3000);
});

it('tells apart what valueDifferences tells apart: text from a number, a date from its text, an absent item from none', () => {
  expect(valueDigest({ A: '1' })).not.toBe(valueDigest({ A: 1 }));
  expect(valueDigest({ A: new Date(0) })).not.toBe(valueDigest({ A: new Date(0).toJSON() }));
  expect(valueDigest([undefined])).not.toBe(valueDigest([]));
  expect(valueDigest({ A: null })).not.toBe(valueDigest({}));
  expect(valueDigest({ A: undefined, B: 'b' })).toBe(valueDigest({ B: 'b' }));
  expect(valueDigest({ A: Number.NaN })).not.toBe(valueDigest({ A: Number.NaN }));
});
