import { basename, relative } from 'node:path';

/**
 * The Stryker settings every package shares; each package's `stryker.config.mjs` adds the files it
 * mutates. Stryker runs from the package's directory (`pnpm mutate [package]`), on its own vitest
 * suite: the packages import each other through `dist/`, so a mutant in one package is only seen by
 * that package's tests.
 *
 * - `inPlace`: the tests read files relative to the checkout (spec-fixtures, ../shared/real-world)
 *   and the vitest configs import the root's shared settings, so a sandbox copy would break them.
 *   Stryker puts the sources back when it ends, Ctrl-C included; do not edit them while it runs.
 * - `concurrency: 1`: the machines are 2-core and busy; one test process besides Stryker's own.
 * - `incremental`: a re-run only tests mutants in code or tests that changed. The file sits under
 *   reports/ (gitignored): it is a cache of one checkout's last run, not a shared baseline.
 * - `coverageAnalysis: 'perTest'` + vitest's related files: each mutant runs only the tests that
 *   reach it; `ignoreStatic` skips mutants in module-level constants, which need a full reload each.
 * @param {string} packageDir the package's directory (`import.meta.dirname` of its config)
 * @param {string[]} mutate the files to mutate, relative to the package
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(packageDir, mutate) {
  const root = import.meta.dirname;
  const reports = relative(packageDir, `${root}/reports/mutation/${basename(packageDir)}`);
  return {
    $schema: relative(packageDir, `${root}/node_modules/@stryker-mutator/core/schema/stryker-schema.json`),
    packageManager: 'pnpm',
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.config.ts', related: true },
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.json',
    plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
    mutate,
    inPlace: true,
    concurrency: 1,
    coverageAnalysis: 'perTest',
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `${reports}/incremental.json`,
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: `${reports}/index.html` },
    jsonReporter: { fileName: `${reports}/mutation.json` },
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
    timeoutMS: 30_000,
    // The first run of a suite that starts servers and spawns the CLI outlasts the 5 minutes by default.
    dryRunTimeoutMinutes: 30,
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
  };
}
