import type { CheckResult } from '../check-result.js';
import { groupBy } from './group-by.js';
import type { Paint } from './paint.js';

/** The mark and the check count of a set of verdicts: `✓ 20 checks`, or `✗ 2 of 20 failed: body.root ×2`. */
export function verdictLine(results: readonly CheckResult[], p: Paint): { mark: string; text: string } {
  const failed = results.filter((r) => r.status === 'failed');
  const warned = results.filter((r) => r.status === 'warning').length;
  const judged = results.filter((r) => r.status !== 'skipped').length;
  if (failed.length > 0) {
    const ids = [...groupBy(failed, (r) => r.check)].map(([id, rs]) => (rs.length > 1 ? `${id} ×${rs.length}` : id)).join(', ');
    return { mark: p.red('✗'), text: p.red(`${failed.length} of ${judged} checks failed: ${ids}`) };
  }
  const warnings = warned > 0 ? p.yellow(` (${warned} warning${warned > 1 ? 's' : ''})`) : '';
  return { mark: p.green('✓'), text: `${judged} check${judged === 1 ? '' : 's'} passed${warnings}` };
}
