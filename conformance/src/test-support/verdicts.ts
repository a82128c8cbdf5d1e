import { expect } from 'vitest';
import type { Check, CheckContext, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';

/** The statuses a check gives an exchange, in order. */
export const statusesOf = (check: Check, exchange: Exchange, context: Partial<CheckContext> = {}): string[] =>
  check.run(exchange, { exchanges: [exchange], ...context }).map((r) => r.status);

/** The one verdict a check gives an exchange (fails the test when there is not exactly one). */
export function verdictOf(check: Check, exchange: Exchange, context: Partial<CheckContext> = {}): CheckResult {
  const results = check.run(exchange, { exchanges: [exchange], ...context });
  if (results.length !== 1) throw new Error(`expected one verdict from ${check.id}, got ${results.length}`);
  return results[0]!;
}

/** The message of the one verdict a check gives an exchange, after asserting that verdict is a failure. */
export function failureMessage(check: Check, exchange: Exchange, context: Partial<CheckContext> = {}): string {
  const verdict = verdictOf(check, exchange, context);
  expect(verdict.status, `${check.id}: ${verdict.message}`).toBe('failed');
  return verdict.message;
}
