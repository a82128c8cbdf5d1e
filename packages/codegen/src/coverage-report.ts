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

/** The text between the markers (the table as the README has it). @throws {CoverageMarkersError} */
export function tableIn(readme: string, file = 'README.md'): string {
  const begin = readme.indexOf(`${TABLE_BEGIN}\n`);
  const end = readme.indexOf(`\n${TABLE_END}`, begin);
  if (begin < 0 || end < 0) throw new CoverageMarkersError(file);
  return readme.slice(begin + TABLE_BEGIN.length + 1, end);
}

/** The README with the text between the markers replaced by `table`. @throws {CoverageMarkersError} */
export function withTable(readme: string, table: string, file = 'README.md'): string {
  const old = tableIn(readme, file);
  const at = readme.indexOf(`${TABLE_BEGIN}\n`) + TABLE_BEGIN.length + 1;
  return readme.slice(0, at) + table + readme.slice(at + old.length);
}
