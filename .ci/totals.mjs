// Sums every vitest JSON report (.vitest/report.json in each package) into one line, printed last:
// `N passed, N failed, N skipped`. Above it, one line per skipped test with its reason (from
// .vitest/skips.json, written by .ci/skip-notes-reporter.ts), so that a skip is never silent.
// A package with a test script but no report (its type check or build failed first) counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folders = ['packages', '.'].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'node_modules' && !d.name.startsWith('.'))
    .map((d) => join(dir, d.name)),
);
const tested = folders.filter((dir) => {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test !== undefined;
});

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const dir of tested) {
  const file = join(dir, '.vitest/report.json');
  if (!existsSync(file)) {
    console.error(`${dir}: no test report (its tests did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A test file that failed to load counts as a failure even though none of its tests ran.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  const notesFile = join(dir, '.vitest/skips.json');
  const notes = existsSync(notesFile) ? JSON.parse(readFileSync(notesFile, 'utf8')) : [];
  for (const result of report.testResults) {
    for (const a of result.assertionResults.filter((x) => SKIPPED.has(x.status))) {
      const note = notes.find((n) => n.title === a.title && result.name.endsWith(n.file))?.reason;
      console.log(`skipped: ${dir} ${a.fullName}: ${note ?? (a.status === 'todo' ? 'a todo' : 'no reason given (.skip or skipIf without one)')}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
