/**
 * mulberry32: a small seeded pseudo-random generator giving numbers in [0, 1). The same seed gives
 * the same sequence, so generated data and failing property-test inputs can be made again.
 * @example const random = prng(42); random() // the same number on every run
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
