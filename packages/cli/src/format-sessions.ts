import type { CloudFailoverSession } from '@vbem/client';

const when = (date: Date | undefined) => (date === undefined ? '—' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);

/**
 * Cloud failover sessions as an aligned table: Name, State, Result, created, ended.
 * @example formatSessions((await client.cloudFailoverSessions.listEntities()).CloudFailoverSession)
 */
export function formatSessions(sessions: readonly CloudFailoverSession[]): string {
  const rows = [['Name', 'State', 'Result', 'created', 'ended'], ...sessions.map((s) => [s.Name, s.State, s.Result, when(s.CreationTimeUTC), when(s.EndTimeUTC)])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`;
}
