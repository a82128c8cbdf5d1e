import { defineConfig } from 'vitest/config';
import { SkipNotesReporter } from './.ci/skip-notes-reporter.js';

/** Set in the test processes of `pnpm mutate` (StrykerJS). */
const mutating = process.env.STRYKER_MUTATOR_WORKER !== undefined;

/**
 * The settings every package's tests share; the JSON report and the skip notes feed the totals
 * .ci/run prints. The timeouts are generous on purpose: tests must hold on a busy 2-core machine,
 * where starting servers, spawning the CLI or regenerating the models can take many seconds; no
 * test may depend on how fast the machine is. Under `pnpm mutate` the type-level tests are left out
 * (a mutant changes behaviour, not types; Stryker's TypeScript checker sees type errors) and so are
 * the reports .ci/run reads.
 */
export const shared = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: mutating ? ['dot'] : ['default', 'json', new SkipNotesReporter()],
    // A worker per core, not vitest's cores - 1 (one on the 2-core CI): turbo runs the packages side
    // by side, and the package that runs longest (conformance) would otherwise leave a core idle
    // once the others are done. Test files still never share a server: each starts its own.
    maxWorkers: '100%',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    outputFile: { json: '.vitest/report.json' },
    typecheck: { enabled: !mutating, include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
