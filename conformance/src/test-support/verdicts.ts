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
