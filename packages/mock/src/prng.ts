import { prng } from '@vbem/models';

/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export interface Prng {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A random (version 4 layout) GUID in lower case. */
  guid(): string;
}

/**
 * A deterministic generator for mock data; never Math.random.
 * @example createPrng(42).int(1, 6) // the same number on every run
 */
export function createPrng(seed: number): Prng {
  const next = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    guid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

/** A 32-bit seed from a text (FNV-1a), to derive stable data from an id. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
