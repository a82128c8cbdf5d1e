import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { XsdLoadError } from '../errors.js';
import { runConformance } from '../runner/run-conformance.js';
import { documentedExchange } from '../test-support/exchange-of.js';
import { loadXsd } from './load-xsd.js';
import { validateWithXsd } from './validate-with-xsd.js';

/** Veeam's own schema, as shipped (with its `\:` escapes), beside the checkout: ../shared/veeam/RestAPI.xsd. */
const VEEAM_XSD = process.env.VBEM_RESTAPI_XSD ?? new URL('../../../../shared/veeam/RestAPI.xsd', import.meta.url).pathname;
/** Veeam's schema is not ours to ship: a clone without it skips these, except in CI, which always has it. */
const skipWithoutXsd = !existsSync(VEEAM_XSD) && !process.env.CI;
const SKIP_REASON = `no Veeam RestAPI.xsd at ${VEEAM_XSD} (set VBEM_RESTAPI_XSD; CI always runs these)`;

it("loads Veeam's RestAPI.xsd despite its \\: escapes, and the documented reference list validates", async (ctx) => {
  if (skipWithoutXsd) ctx.skip(SKIP_REASON);
  const xsd = await loadXsd(VEEAM_XSD);
  expect(xsd).not.toContain('\\:');
  const [refs, entity] = [documentedExchange('cloud-failover-sessions.refs.xml'), documentedExchange('cloud-failover-session.entity.xml')];
  const findings = await validateWithXsd([refs, entity], xsd);
  expect(findings.get(refs)).toEqual([]);
  // The documented entity omits JobUid, JobName and FailureMessage, which the XSD requires.
  expect(findings.get(entity)?.join(' ')).toMatch(/JobUid|JobName|expected/);
});

it('reports XSD departures as warnings, which do not fail the run', async (ctx) => {
  if (skipWithoutXsd) ctx.skip(SKIP_REASON);
  const report = await runConformance({ targets: ['server'], sample: 1, xsdFile: VEEAM_XSD });
  const xsd = report.results.filter((r) => r.check === 'xsd');
  expect(xsd.some((r) => r.status === 'warning')).toBe(true);
  expect(xsd.some((r) => r.status === 'passed')).toBe(true);
  expect(report.summary.failed).toBe(0);
}, 300_000);

it('refuses an XSD file it cannot read, naming it', async () => {
  const missing = join(tmpdir(), 'no-such-RestAPI.xsd');
  await expect(loadXsd(missing)).rejects.toThrow(XsdLoadError);
  const notXml = join(tmpdir(), `vbem-not-a-schema-${process.pid}.xsd`);
  await writeFile(notXml, 'not a schema');
  await expect(runConformance({ targets: ['server'], sample: 0, xsdFile: notXml })).rejects.toThrow(XsdLoadError);
});
