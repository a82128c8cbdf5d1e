import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { coverageOf, type RunReport } from '../runner/run-report.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatPretty } from './format-pretty.js';

const ids = Object.keys(builtinModel.operations);

/** A run that chose its first operation only, of which one exchange was judged, and left out some checks. */
function reportChoosing(checksLeftOut: readonly string[]): RunReport {
  const chosen = ids[0]!;
  const coverage = coverageOf(ids, [{ operationId: chosen }, { operationId: ids[1] }], [], new Set([chosen]));
  return {
    target: 'https://em.test:9398',
    startedAt: '2026-12-07T00:00:00.000Z',
    durationMs: 10,
    summary: { passed: 1, failed: 0, skipped: 0, warnings: 0 },
    results: [{ check: 'transport', operation: chosen, status: 'passed', message: 'HTTP 200', request: { method: 'GET', url: 'https://em.test:9398/api/' }, target: 'server' }],
    requests: { server: 2 },
    coverage: { server: coverage },
    ...(checksLeftOut.length > 0 ? { checksLeftOut } : {}),
  };
}

it('counts the operations left out by choice apart from the skipped ones, in the coverage line of every reporter', () => {
  const report = reportChoosing(['xsd']);
  const line = `1 of ${ids.length} operations checked, 0 skipped, ${ids.length - 1} left out by choice`;
  expect(formatPretty(report)).toContain(`Coverage (server): ${line}`);
  expect(formatJunit(report)).toContain(line);
  const json = JSON.parse(formatJson(report)) as { coverage: { server: { leftOut: number; operations: { operation: string; status: string }[] } }; checksLeftOut: string[] };
  expect(json.coverage.server.leftOut).toBe(ids.length - 1);
  expect(json.coverage.server.operations.filter((o) => o.status === 'left-out').map((o) => o.operation)).toEqual(ids.slice(1));
  expect(json.checksLeftOut).toEqual(['xsd']);
});

it('names the checks left out when they are few, counts them when they are many, and says nothing when none were', () => {
  expect(formatPretty(reportChoosing(['xsd', 'data.rules']))).toContain('Checks left out by choice: xsd, data.rules');
  const many = Array.from({ length: 12 }, (_, i) => `check.${i}`);
  expect(formatPretty(reportChoosing(many))).toContain('Checks left out by choice: 12 (--reporter json names them)');
  expect(formatPretty(reportChoosing([]))).not.toContain('Checks left out');
});
