import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

/**
 * The operations these tests run the suite on (`--include`): the one the authentication probes ask
 * (a collection) and the first action (sent in XML whatever --representation says). They test the
 * command (its options, reporters, output); the whole table is run by run-conformance.test.ts and
 * by bin.test.ts through the bin.
 */
const CHOSEN = ['--include', builtinModel.api.protocol.authProbe, '--include', Object.values(builtinModel.operations).find((op) => op.task !== undefined)!.id];

/** An in-memory terminal: what the command wrote, and the environment it sees. */
function terminal(env: Record<string, string> = {}, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env, ...(signal ? { signal } : {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

it('runs the suite against the built-in fake and prints the json report', async () => {
  const t = terminal();
  expect(await main(['conformance', '--reporter', 'json', '--sample', '2', ...CHOSEN], t.io)).toBe(0);
  const report = JSON.parse(t.stdout()) as { target: string; summary: { failed: number; passed: number } };
  expect(report.target).toMatch(/^built-in fake/);
  expect(report.summary.failed).toBe(0);
}, 180_000);

it('asks every read in the representations --representation names (both by default), and the report says which', async () => {
  type Report = { api: { representations: string[]; jsonCasing?: string }; results: { request: { representation?: string } }[] };
  const run = async (args: string[]) => {
    const t = terminal();
    expect(await main(['conformance', '--reporter', 'json', '--sample', '1', ...CHOSEN, ...args], t.io)).toBe(0);
    const report = JSON.parse(t.stdout()) as Report;
    return { api: report.api, asked: [...new Set(report.results.map((r) => r.request.representation))].sort() };
  };
  expect(await run([])).toEqual({ api: expect.objectContaining({ representations: ['xml', 'json'], jsonCasing: 'PascalCase' }), asked: ['json', 'xml'] });
  expect(await run(['--representation', 'json'])).toEqual({ api: expect.objectContaining({ representations: ['json'] }), asked: ['json', 'xml'] });
  const xml = await run(['--representation', 'xml']);
  expect(xml).toEqual({ api: expect.objectContaining({ representations: ['xml'] }), asked: ['xml'] });
  expect(xml.api.jsonCasing).toBeUndefined();
}, 300_000);

it('writes the junit report to --output and says where', async () => {
  const t = terminal();
  const file = join(tmpdir(), `vbem-junit-${process.pid}.xml`);
  expect(await main(['conformance', '--reporter', 'junit', '--output', file, '--sample', '1', ...CHOSEN], t.io)).toBe(0);
  expect(await readFile(file, 'utf8')).toMatch(/^<\?xml[^>]*>\n<testsuites name="vbem conformance: built-in fake/);
  expect(t.stdout()).toMatch(/^vbem conformance: all \d+ checks passed; junit report written to /);
}, 180_000);

it.each([
  [['conformance', '--sample', 'many'], "vbem conformance: --sample: expected a whole number from 0, got 'many' (see --help)\n"],
  [['conformance', '--reporter', 'xml'], "vbem conformance: --reporter: expected pretty, json, junit, html (NAME or NAME=FILE), got 'xml' (see --help)\n"],
  [['conformance', '--base-url', 'https://em.test:9398'], 'vbem conformance: --username: expected the user to log on to https://em.test:9398 as, got none (see --help)\n'],
  [['conformance', '--base-url', 'https://em.test:9398', '--username', 'svc'], 'vbem conformance: $VBEM_PASSWORD: expected the password in the environment, got none (see --help)\n'],
  [['conformance', '--frobnicate'], /^vbem conformance: arguments: expected the options listed by --help, got Unknown option '--frobnicate'.*\n$/],
  [['deploy'], "vbem: expected a command (conformance, list, mock), got 'deploy'; see vbem --help\n"],
])('exits 2 with a one-line reason for %j', async (argv, reason) => {
  const t = terminal();
  expect(await main(argv, t.io)).toBe(2);
  expect(t.stderr()).toMatch(typeof reason === 'string' ? new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : reason);
});

it('refuses a password on the command line without echoing it', async () => {
  const t = terminal();
  expect(await main(['conformance', '--base-url', 'https://em.test:9398', '--password', 'hunter2-secret'], t.io)).toBe(2);
  expect(t.stderr()).toMatch(/--password: expected the password in an environment variable/);
  expect(t.stderr() + t.stdout()).not.toContain('hunter2-secret');
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('exits 2 when the server cannot be reached', async () => {
  const t = terminal({ VBEM_PASSWORD: 'pw-unused' });
  const url = `http://127.0.0.1:${await closedPort()}`;
  expect(await main(['conformance', '--base-url', url, '--username', 'svc'], t.io)).toBe(2);
  expect(t.stderr()).toMatch(new RegExp(`^vbem conformance: Expected an answer from ${url}/, got none: .*ECONNREFUSED.*\\n$`));
});

it('lists a collection of the built-in fake as a table of the columns asked for', async () => {
  const t = terminal();
  expect(await main(['list', 'cloudFailoverSessions', '--columns', 'Name,State,Result,CreationTimeUTC,EndTimeUTC'], t.io)).toBe(0);
  const [header, first] = t.stdout().split('\n');
  expect(header).toMatch(/^Name\s+State\s+Result\s+CreationTimeUTC\s+EndTimeUTC$/);
  expect(first).toMatch(/^ABC Company Failover Plan\s+Stopped\s+Success\s+2015-12-07 17:38 UTC\s+2015-12-07 17:39 UTC$/);
});

it('serves the fake until the signal stops it', async () => {
  const controller = new AbortController();
  const t = terminal({}, controller.signal);
  const serving = main(['mock', 'serve', '--port', '0'], t.io);
  await expect.poll(() => t.stdout(), { timeout: 30_000 }).toMatch(/at http:\/\/127\.0\.0\.1:\d+\/api\//);
  const url = /at (http:\/\/127\.0\.0\.1:\d+\/api\/)/.exec(t.stdout())![1]!;
  expect((await fetch(url)).status).toBe(200);
  controller.abort();
  expect(await serving).toBe(0);
  expect(t.stdout()).toMatch(/stopped\n$/);
  await expect(fetch(url)).rejects.toThrow();
});

it('colours the pretty report when FORCE_COLOR is set, even off a terminal, and not with NO_COLOR', async () => {
  const forced = terminal({ FORCE_COLOR: '1' });
  expect(await main(['conformance', '--sample', '0', ...CHOSEN], forced.io)).toBe(0);
  expect(forced.stdout()).toContain('\u001b[32m');
  const plain = terminal({ FORCE_COLOR: '1', NO_COLOR: '1' });
  expect(await main(['conformance', '--sample', '0', ...CHOSEN], plain.io)).toBe(0);
  expect(plain.stdout()).not.toContain('\u001b[');
}, 180_000);
