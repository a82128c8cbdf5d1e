import { PreciseDate } from '@vbem/models';
import { seedOf } from './prng.js';

/**
 * How the fake writes the date-times it generates: `milliseconds` as `Date.toISOString()` does
 * (`2025-01-10T08:30:00.000Z`, as EM 9.5 to 12 write them), or `microseconds`, six digits of the
 * second as EM 13 writes them (`2026-06-16T06:33:10.659559Z`).
 */
export type Timestamps = (typeof TIMESTAMPS)[number];

/** Each way of writing timestamps, the default first. */
export const TIMESTAMPS = ['milliseconds', 'microseconds'] as const;

/**
 * Generated fields with each date-time written as `timestamps` says (the same value for
 * milliseconds). For microseconds, a date becomes the second before its own plus a fraction drawn
 * from that second: dates whole seconds apart keep their order (so the type's rules still hold),
 * equal ones stay equal, and none moves past the instant it was (the fake's `now`).
 * @example inTimestamps({ At: new Date('2026-06-16T06:33:11Z') }, 'microseconds').At.toJSON() // '2026-06-16T06:33:10.' and six digits, 'Z'
 */
export function inTimestamps<T>(value: T, timestamps: Timestamps): T {
  if (timestamps === 'milliseconds') return value;
  if (value instanceof Date) return withMicroseconds(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => inTimestamps(v, timestamps)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inTimestamps(v, timestamps)])) as T;
}

function withMicroseconds(date: Date): PreciseDate {
  const second = Math.floor(date.getTime() / 1000) * 1000 - 1000;
  const micros = String(seedOf(String(second)) % 1_000_000).padStart(6, '0');
  return PreciseDate.fromText(`${new Date(second).toISOString().slice(0, 19)}.${micros}Z`)!;
}
