import { visibleLength } from './paint.js';

/**
 * Rows as aligned columns: the first column left-aligned, the others right-aligned.
 * @example formatTable([['operation', 'requests'], ['logon', '2']], '  ')
 */
export function formatTable(rows: readonly (readonly string[])[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((row) => {
      const cells = row.map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - visibleLength(cell));
        return i === 0 ? cell + pad : pad + cell;
      });
      return (indent + cells.join('  ')).trimEnd();
    })
    .join('\n');
}
