import type { Check, CheckContext, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { transport } from '../checks/transport.js';

/**
 * Runs checks on one exchange; a check that throws is reported as failed instead of stopping the
 * run (the target must still log off). An exchange whose body was longer than the run's byte limit
 * is judged by no check (its body was not read): it gets one skipped `transport` verdict saying so.
 * @example runChecks(serverChecks.filter((c) => c.scope === 'exchange'), exchange, { exchanges: [exchange] })
 */
export function runChecks(checks: readonly Check[], exchange: Exchange, context: CheckContext): CheckResult[] {
  if (exchange.bodyNotJudged !== undefined) return checks.filter((c) => c.id === transport.id).map((c) => ({ check: c.id, status: 'skipped' as const, message: exchange.bodyNotJudged! }));
  return checks.flatMap((check) => {
    try {
      return check.run(exchange, context);
    } catch (error) {
      return [{ check: check.id, status: 'failed' as const, message: `the check threw ${(error as Error).name}: ${(error as Error).message}` }];
    }
  });
}
