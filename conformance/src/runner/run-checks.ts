import type { Check, CheckContext, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';

/**
 * Runs checks on one exchange; a check that throws is reported as failed instead of stopping the
 * run (the target must still log off).
 * @example runChecks(serverChecks.filter((c) => c.scope === 'exchange'), exchange, { exchanges: [exchange] })
 */
export function runChecks(checks: readonly Check[], exchange: Exchange, context: CheckContext): CheckResult[] {
  return checks.flatMap((check) => {
    try {
      return check.run(exchange, context);
    } catch (error) {
      return [{ check: check.id, status: 'failed' as const, message: `the check threw ${(error as Error).name}: ${(error as Error).message}` }];
    }
  });
}
