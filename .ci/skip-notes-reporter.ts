import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** Where the skipped tests of a package's run are written, beside vitest's JSON report. */
export const SKIPS_FILE = '.vitest/skips.json';

/** The reason a test gave (`ctx.skip(reason)`), else the skipped describe block it sits in. */
function reasonOf(test: TestCase): string | null {
  const note = (test.result() as { note?: string }).note;
  if (note) return note;
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) {
    if (parent.options.mode === 'skip') return `its describe block is skipped: "${parent.name}"`;
  }
  return null;
}

/**
 * Writes every skipped test of the run, with its reason, to .vitest/skips.json; .ci/totals.mjs
 * prints them above the totals line, so that no test is skipped silently.
 */
export class SkipNotesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests()]
        .filter((test) => test.result().state === 'skipped')
        .map((test) => ({ file: relative(process.cwd(), module.moduleId), title: test.name, fullName: test.fullName, reason: reasonOf(test) })),
    );
    mkdirSync(dirname(SKIPS_FILE), { recursive: true });
    writeFileSync(SKIPS_FILE, `${JSON.stringify(skipped, null, 2)}\n`);
  }
}
