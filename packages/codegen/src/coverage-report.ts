import type { Coverage, Tally } from './coverage.js';

const ratio = (covered: number, documented: number): string => `${covered}/${documented}`;

/**
 * The coverage as `pnpm coverage` prints it: covered/documented per family and in total, all
 * methods and GET; with `missing`, the operations not covered too.
 * @example console.log(formatCoverage(coverageOf(loadInventory(), loadSpec()), { missing: true }))
 */
export function formatCoverage(coverage: Coverage, options: { /** List the operations not covered? (default: false) */ missing?: boolean } = {}): string {
  const width = Math.max(...coverage.families.map((f) => f.family.length), 'family'.length) + 2;
  const row = (name: string, t: Tally) => `${name.padEnd(width)}${ratio(t.covered, t.documented).padEnd(12)}${ratio(t.getCovered, t.getDocumented)}`;
  const lines = [
    `${'family'.padEnd(width)}${'operations'.padEnd(12)}GET`,
    ...coverage.families.map((f) => row(f.family, f)),
    row('total', coverage.total),
    ...coverage.outside.map((o) => `outside the inventory: ${o.id} (${o.method} ${o.path}, ${o.docs}): the entry point is documented in prose, on no operation page; counted in neither number`),
  ];
  if (options.missing) {
    lines.push(`not covered (${coverage.missing.length}):`, ...coverage.missing.map((o) => `  ${o.method.padEnd(7)}${o.path}  ${o.docs}`));
  }
  return lines.join('\n');
}

/** The README's "Covered so far" table: one row per family, then the total. */
export function coverageTable(coverage: Coverage): string {
  const cell = (covered: number, documented: number) => (documented === 0 ? '' : `${covered} of ${documented}`);
  return [
    '| family | operations | GET |',
    '|---|---|---|',
    ...coverage.families.map((f) => `| \`${f.family}\` | ${cell(f.covered, f.documented)} | ${cell(f.getCovered, f.getDocumented)} |`),
    `| **total** | **${cell(coverage.total.covered, coverage.total.documented)}** | **${cell(coverage.total.getCovered, coverage.total.getDocumented)}** |`,
  ].join('\n');
}

export const TABLE_BEGIN = '<!-- coverage table: written by `pnpm coverage --readme`, do not edit -->';
export const TABLE_END = '<!-- end of coverage table -->';

/** The markers that hold the README's coverage table are missing or out of order. */
export class CoverageMarkersError extends Error {
  override name = 'CoverageMarkersError';
  constructor(readonly file: string) {
    super(`${file}: expected the coverage table between a line '${TABLE_BEGIN}' and a later line '${TABLE_END}', found none`);
  }
}

/** Where the lines between the markers start and end. @throws {CoverageMarkersError} */
function blockIn(readme: string, file: string): { start: number; end: number } {
  const begin = readme.indexOf(`${TABLE_BEGIN}\n`);
  const start = begin + TABLE_BEGIN.length + 1;
  const end = begin < 0 ? -1 : readme.indexOf(TABLE_END, start);
  if (end < 0 || (end > start && readme[end - 1] !== '\n')) throw new CoverageMarkersError(file);
  return { start, end };
}

/** The lines between the markers (the table as the README has it). @throws {CoverageMarkersError} */
export function tableIn(readme: string, file = 'README.md'): string {
  const { start, end } = blockIn(readme, file);
  return readme.slice(start, end).replace(/\n$/, '');
}

/** The README with the lines between the markers replaced by `table`. @throws {CoverageMarkersError} */
export function withTable(readme: string, table: string, file = 'README.md'): string {
  const { start, end } = blockIn(readme, file);
  return `${readme.slice(0, start)}${table}\n${readme.slice(end)}`;
}
