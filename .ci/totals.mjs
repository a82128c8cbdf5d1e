// Sums every vitest JSON report (.vitest/report.json in each package) into one line: `N passed, N failed`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const folders = ['packages', '.'].flatMap((dir) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(dir, d.name)));
const reports = folders.map((dir) => join(dir, '.vitest/report.json')).filter((file) => existsSync(file));

let passed = 0;
let failed = 0;
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that failed to load counts as a failure even though none of its tests ran.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
}
if (reports.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
