import type { CheckResult } from '../check-result.js';

/** Builds the verdicts of one check. */
export const verdict = (check: string) => ({
  passed: (message: string): CheckResult => ({ check, status: 'passed', message }),
  failed: (message: string): CheckResult => ({ check, status: 'failed', message }),
  skipped: (message: string): CheckResult => ({ check, status: 'skipped', message }),
  warning: (message: string): CheckResult => ({ check, status: 'warning', message }),
});

/** A list of items for a message: the first few, and how many more. */
export const listOf = (items: readonly string[], max = 3): string =>
  items.slice(0, max).join('; ') + (items.length > max ? `; and ${items.length - max} more` : '');
