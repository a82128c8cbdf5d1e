import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientChecks, serverChecks } from '@vbem/conformance';
import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { logOnArgs, PASSWORD, serveFake, terminal, USER } from '../test/commands-that-log-on.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

const operations = Object.values(builtinModel.operations);

it('--list-checks prints every check of both targets with its one-line title, and exits 0', async () => {
  const t = terminal();
  expect(await main(['conformance', '--list-checks'], t.io)).toBe(ExitStatus.ok);
  const lines = t.stdout().split('\n');
  for (const check of [...serverChecks, ...clientChecks]) expect(lines.some((l) => l.trim().startsWith(check.id) && l.endsWith(check.title) && l.includes(`${check.id} `))).toBe(true);
  expect(lines.filter((l) => l.startsWith('  '))).toHaveLength(serverChecks.length + clientChecks.length);
});

it('--include runs only the operations it names and the report says the rest were left out by choice', async () => {
  const resource = operations.find((o) => o.method === 'GET' && o.params.length > 0)!.resource;
  const chosen = operations.filter((o) => o.resource === resource);
  const fake = await serveFake();
  try {
    const t = terminal();
    const status = await main(logOnArgs('conformance', fake.url, '--include', resource, '--reporter', 'json'), t.io);
    const report = JSON.parse(t.stdout()) as { results: { operation: string }[]; coverage: { server: { leftOut: number } } };
    expect(status).toBe(ExitStatus.ok);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.every((r) => chosen.some((o) => o.id === r.operation))).toBe(true);
    expect(report.coverage.server.leftOut).toBe(operations.length - chosen.length);
  } finally {
    await fake.close();
  }
}, 60_000);

it.each([
  ['--include', 'noSuchResource*'],
  ['--exclude', 'noSuchOperation'],
  ['--checks', 'no.such.*'],
  ['--exclude-checks', 'no-such-check'],
])('%s %s, which names nothing, exits 2 naming it, before any request', async (option, pattern) => {
  const fake = await serveFake();
  try {
    const t = terminal();
    expect(await main(logOnArgs('conformance', fake.url, option, pattern), t.io)).toBe(ExitStatus.couldNotRun);
    expect(t.stderr()).toContain(option);
    expect(t.stderr()).toContain(`'${pattern}'`);
    expect(fake.received).toEqual([]);
  } finally {
    await fake.close();
  }
});

it('--har writes every request of the run as a HAR file, with no password, token or session id in it', async () => {
  const fake = await serveFake();
  const file = join(await mkdtemp(join(tmpdir(), 'vbem-cli-har-')), 'run.har');
  const tokens: string[] = [];
  const set = fake.state.logons.set.bind(fake.state.logons);
  fake.state.logons.set = (token, logon) => (tokens.push(token), set(token, logon));
  try {
    const t = terminal();
    expect(await main(logOnArgs('conformance', fake.url, '--har', file), t.io)).toBe(ExitStatus.ok);
    const text = await readFile(file, 'utf8');
    const har = JSON.parse(text) as { log: { version: string; creator: { name: string }; entries: { request: { method: string; url: string }; _vbem: { checks: unknown[] } }[] } };
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'vbem' } });
    expect(har.log.entries).toHaveLength(fake.received.length);
    expect(har.log.entries.some((e) => e._vbem.checks.length > 0)).toBe(true);
    expect(t.stdout()).toContain(`HAR of ${fake.received.length} requests written to ${file}`);
    expect(fake.opened.length).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), ...fake.opened, ...tokens]) expect(text).not.toContain(secret);
  } finally {
    await fake.close();
  }
}, 60_000);
