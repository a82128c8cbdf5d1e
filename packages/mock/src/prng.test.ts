import { describe, expect, it } from 'vitest';
import { createPrng, seedOf } from './prng.js';

describe('createPrng', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const run = (seed: number) => Array.from({ length: 5 }, createPrng(seed).next);
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('makes GUIDs of the usual form', () => {
    expect(createPrng(9).guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps int within its bounds', () => {
    const prng = createPrng(3);
    const values = Array.from({ length: 500 }, () => prng.int(2, 4));
    expect(new Set(values)).toEqual(new Set([2, 3, 4]));
  });

  it('derives a stable seed from a text', () => {
    expect(seedOf('475420ee')).toBe(seedOf('475420ee'));
    expect(seedOf('475420ee')).not.toBe(seedOf('10c5b348'));
  });
});
