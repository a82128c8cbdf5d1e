const cell = (value: unknown): string =>
  value === undefined || value === null ? '—' : value instanceof Date ? `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC` : String(value);

/**
 * Items as an aligned table of the given fields, a header line first; a missing value shows as —.
 * @example formatTable([{ Name: 'a', State: 'Stopped' }], ['Name', 'State']) // 'Name  State\na     Stopped\n'
 */
export function formatTable(items: readonly Readonly<Record<string, unknown>>[], columns: readonly string[]): string {
  const rows = [[...columns], ...items.map((item) => columns.map((c) => cell(item[c])))];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((text, i) => text.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`;
}
