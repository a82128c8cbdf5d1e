#!/usr/bin/env node
// `pnpm coverage [--missing] [--readme]`: how many of the reference's documented operations
// (spec/inventory.json) the spec covers, matched by their docs page. --missing lists the others;
// --readme rewrites the README's "Covered so far" table with the same figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { coverageOf, NotInInventoryError } from './coverage.js';
import { CoverageMarkersError, coverageTable, formatCoverage, withTable } from './coverage-report.js';
import { InventoryError, loadInventory } from './inventory.js';
import { loadSpec } from './load-spec.js';
import { SpecError } from './spec-error.js';

/** An option this command does not know. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** The repository's README, whose "Covered so far" table this writes. */
const readmeFile = new URL('../../../README.md', import.meta.url).pathname;

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--missing' && a !== '--readme');
try {
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}: expected --missing or --readme`);
  const coverage = coverageOf(loadInventory(), loadSpec());
  console.log(formatCoverage(coverage, { missing: args.includes('--missing') }));
  if (args.includes('--readme')) {
    writeFileSync(readmeFile, withTable(readFileSync(readmeFile, 'utf8'), coverageTable(coverage), readmeFile));
    console.log(`wrote the coverage table in ${readmeFile}`);
  }
} catch (error) {
  const known = [SpecError, NotInInventoryError, InventoryError, CoverageMarkersError, UsageError];
  if (!known.some((kind) => error instanceof kind)) throw error;
  console.error((error as Error).message);
  process.exitCode = 1;
}
