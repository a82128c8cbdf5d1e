import { describe, expect, it } from 'vitest';
import type { Coverage } from './coverage.js';
import { CoverageMarkersError, coverageTable, formatCoverage, TABLE_BEGIN, TABLE_END, tableIn, withTable } from './coverage-report.js';

const coverage: Coverage = {
  families: [
    { family: 'widgets', covered: 2, documented: 4, getCovered: 1, getDocumented: 2 },
    { family: 'sessionMngr', covered: 1, documented: 1, getCovered: 0, getDocumented: 0 },
  ],
  total: { covered: 3, documented: 5, getCovered: 1, getDocumented: 2 },
  missing: [{ method: 'DELETE', path: '/widgets/{ID}', docs: 'delete_widgets_id.html', family: 'widgets' }],
  outside: [],
};

describe('formatCoverage', () => {
  it('prints covered/documented per family and the total, all methods then GET', () => {
    const lines = formatCoverage(coverage).split('\n');
    expect(lines[1]).toMatch(/^widgets\s+2\/4\s+1\/2$/);
    expect(lines.at(-1)).toMatch(/^total\s+3\/5\s+1\/2$/);
    expect(lines.join('\n')).not.toContain('delete_widgets_id.html');
  });

  it('lists the operations not covered with --missing', () => {
    expect(formatCoverage(coverage, { missing: true })).toMatch(/not covered \(1\):\n\s+DELETE\s+\/widgets\/\{ID\}\s+delete_widgets_id\.html$/);
  });
});

describe('the README table', () => {
  it('has a row per family and a total, with no GET figure for a family without GETs', () => {
    expect(coverageTable(coverage).split('\n')).toEqual([
      '| family | operations | GET |',
      '|---|---|---|',
      '| `widgets` | 2 of 4 | 1 of 2 |',
      '| `sessionMngr` | 1 of 1 |  |',
      '| **total** | **3 of 5** | **1 of 2** |',
    ]);
  });

  it('is written between the markers, leaving the rest of the README as it was', () => {
    const readme = `# title\n\ntext before\n${TABLE_BEGIN}\n| old |\n${TABLE_END}\ntext after\n`;
    const written = withTable(readme, coverageTable(coverage));
    expect(tableIn(written)).toBe(coverageTable(coverage));
    expect(written.startsWith(`# title\n\ntext before\n${TABLE_BEGIN}\n| family |`)).toBe(true);
    expect(written.endsWith(`| **total** | **3 of 5** | **1 of 2** |\n${TABLE_END}\ntext after\n`)).toBe(true);
  });

  it('fills an empty block, each marker kept on a line of its own', () => {
    const written = withTable(`${TABLE_BEGIN}\n${TABLE_END}\n`, '| t |');
    expect(written).toBe(`${TABLE_BEGIN}\n| t |\n${TABLE_END}\n`);
    expect(tableIn(written)).toBe('| t |');
  });

  it('refuses a README without the markers, naming the file', () => {
    expect(() => tableIn('# no table here\n', 'README.md')).toThrow(CoverageMarkersError);
    expect(() => withTable(`${TABLE_END}\n${TABLE_BEGIN}\n`, '| t |', 'README.md')).toThrow(/README\.md: expected the coverage table between/);
  });
});
