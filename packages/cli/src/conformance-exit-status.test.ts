import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fault } from '@vbem/mock';
import { builtinModel } from '@vbem/models';
import { expect, it, vi } from 'vitest';
import { logOnArgs, serveFake, terminal } from '../test/commands-that-log-on.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

const { api } = builtinModel;

// Each test runs the whole suite over every operation of the spec, in both representations: minutes on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

/** `vbem conformance` against a fake of the test's own with `faults`: its exit status and its JSON report's summary. */
async function conformance(faults: Record<string, Fault>, ...extra: string[]) {
  const fake = await serveFake({ faults });
  try {
    const t = terminal();
    const status = await main(logOnArgs('conformance', fake.url, '--reporter', 'json', '--sample', '1', ...extra), t.io);
    const report = JSON.parse(t.stdout()) as { summary: { passed: number; failed: number; warnings: number }; results: { check: string; status: string; message: string }[] };
    return { status, summary: report.summary, failed: report.results.filter((r) => r.status === 'failed'), results: report.results };
  } finally {
    await fake.close();
  }
}

/** An XSD that declares no element of the API's namespace: every body departs from it, and each departure is a warning. */
async function xsdAcceptingNothing(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'vbem-cli-xsd-')), 'nothing.xsd');
  await writeFile(file, `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${api.namespace}" elementFormDefault="qualified"><xs:element name="Nothing" type="xs:string"/></xs:schema>\n`);
  return file;
}

it('exits 1 when exactly one check fails', async () => {
  // One wrong Content-Type, on the first answer of the entry point only: one failed check in the whole run.
  const run = await conformance({ [api.protocol.entryPoint]: { contentType: 'text/html; charset=utf-8', times: 1 } });
  expect(run.failed.map((r) => r.check)).toEqual(['headers.content-type']);
  expect(run.summary.failed).toBe(1);
  expect(run.status).toBe(ExitStatus.failed);
});

it('exits 0 when every check passes', async () => {
  const run = await conformance({});
  expect(run.summary).toMatchObject({ failed: 0, warnings: 0 });
  expect(run.summary.passed).toBeGreaterThan(0);
  expect(run.status).toBe(ExitStatus.ok);
});

it('exits 0 when the checks only pass or warn', async () => {
  const run = await conformance({}, '--xsd', await xsdAcceptingNothing());
  expect(run.summary.failed).toBe(0);
  expect(run.summary.warnings).toBeGreaterThan(0);
  expect(run.status).toBe(ExitStatus.ok);
});

it('exits 0 when list bodies are past --max-list-body-bytes: they are reported not judged, not failed', async () => {
  const run = await conformance({}, '--max-list-body-bytes', '200');
  expect(run.failed).toEqual([]);
  const notJudged = run.results.filter((r) => r.message.startsWith('not judged: larger than maxListBodyBytes (--max-list-body-bytes) (200 bytes; Content-Length: '));
  expect(notJudged.length).toBeGreaterThan(0);
  expect(notJudged.every((r) => r.check === 'transport' && r.status === 'skipped')).toBe(true);
  expect(run.status).toBe(ExitStatus.ok);
}, 120_000);
