import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { coverageOf } from './coverage.js';
import { coverageTable, tableIn } from './coverage-report.js';
import { loadInventory } from './inventory.js';
import { loadSpec } from './load-spec.js';

const readme = new URL('../../../README.md', import.meta.url).pathname;

it("the README's Covered so far table is what pnpm coverage counts (run `pnpm coverage --readme` after changing the spec)", () => {
  const table = coverageTable(coverageOf(loadInventory(), loadSpec()));
  expect(tableIn(readFileSync(readme, 'utf8'), readme)).toBe(table);
});
