/**
 * Up to `k` items spread evenly over the list, first and last included: a deterministic sample
 * that reaches both the newest and the oldest sessions.
 * @example pickSample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) // [1, 5, 9]
 */
export function pickSample<T>(items: readonly T[], k: number): T[] {
  if (k <= 0 || items.length === 0) return [];
  if (items.length <= k) return [...items];
  if (k === 1) return [items[0]!];
  const picked = new Set<number>();
  for (let i = 0; i < k; i++) picked.add(Math.round((i * (items.length - 1)) / (k - 1)));
  return [...picked].map((i) => items[i]!);
}
