import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

function terminal(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

it.each([
  [['conformance', '--base-url', 'localhost:9399', '--username', 'svc'], "vbem conformance: --base-url: expected an absolute http(s) URL such as https://em.example.com:9398, got 'localhost:9399', which has no scheme; did you mean https://localhost:9399? (see --help)\n"],
  [['list', 'jobs', '--base-url', 'em.example.com:9398/api', '--username', 'svc'], "vbem list: --base-url: expected an absolute http(s) URL such as https://em.example.com:9398, got 'em.example.com:9398/api', which has no scheme; did you mean https://em.example.com:9398? (see --help)\n"],
  [['conformance', '--sample', '-1'], "vbem conformance: --sample: expected a whole number from 0, got '-1' (see --help)\n"],
  [['conformance', '--timeout', '0'], "vbem conformance: --timeout: expected a whole number from 1, got '0' (see --help)\n"],
  [['conformance', '--representation', 'yaml'], "vbem conformance: --representation: expected xml, json or both, got 'yaml' (see --help)\n"],
  [['mock', 'serve', '--port', '99999'], "vbem mock: --port: expected a whole number from 0 to 65535, got '99999' (see --help)\n"],
  [['mock', 'serve', '--port', '-1'], "vbem mock: --port: expected a whole number from 0 to 65535, got '-1' (see --help)\n"],
  [['list', 'jobs', '--columns', 'Name,Nope'], "vbem list: --columns: expected fields of Job: Href, Type, Name, UID, JobType, Platform, Description, ScheduleConfigured, ScheduleEnabled, NextRun, got 'Name,Nope' (see --help)\n"],
  [['mock', 'serve', '--password-env', 'NOT_SET_ANYWHERE'], 'vbem mock: $NOT_SET_ANYWHERE: expected the password of the fake in the environment, got none (see --help)\n'],
])('exits 2 with one usage line, its prefix once, for %j', async (argv, reason) => {
  const t = terminal();
  expect(await main(argv, t.io)).toBe(2);
  expect(t.stderr()).toBe(reason);
  expect(t.stdout()).toBe('');
});

it('refuses a base URL with credentials without echoing them', async () => {
  const t = terminal({ VBEM_PASSWORD: 'x' });
  expect(await main(['conformance', '--base-url', 'https://svc:hunter2-secret@em.example.com:9398/api', '--username', 'svc'], t.io)).toBe(2);
  expect(t.stderr()).toMatch(/^vbem conformance: --base-url: expected a URL without a user name or password/);
  expect(t.stderr() + t.stdout()).not.toMatch(/hunter2|svc:/);
});

it.each([[['conformance', '-h']], [['list', '-h']], [['list', 'jobs', '--help']], [['mock', '-h']], [['mock', 'serve', '-h']]])('prints the help for %j and exits 0', async (argv) => {
  const t = terminal();
  expect(await main(argv, t.io)).toBe(0);
  expect(t.stdout()).toMatch(/^Usage: vbem /);
});

it('refuses --lab-actions naming another origin than --base-url, before any request', async () => {
  const t = terminal({ VBEM_PASSWORD: 'not-used' });
  const argv = ['conformance', '--base-url', 'https://em-lab.example:9398/api', '--username', 'svc', '--lab-actions', 'https://em-prod.example:9398'];
  expect(await main(argv, t.io)).toBe(2);
  expect(t.stderr()).toBe("vbem conformance: --lab-actions: expected --base-url's origin repeated (https://em-lab.example:9398), to confirm state may change there, got 'https://em-prod.example:9398' (see --help)\n");
});

it('prints its version with --version', async () => {
  const t = terminal();
  expect(await main(['--version'], t.io)).toBe(0);
  expect(t.stdout()).toMatch(/^vbem \d+\.\d+\.\d+\n$/);
});

it('refuses an --output it could not write, before the run', async () => {
  const t = terminal();
  const missing = join(tmpdir(), `vbem-no-such-folder-${process.pid}`, 'report.json');
  expect(await main(['conformance', '--reporter', 'json', '--output', missing], t.io)).toBe(2);
  expect(t.stderr()).toMatch(/^vbem conformance: --output: expected a file that can be written, got .*report\.json: its folder .* does not exist \(see --help\)\n$/);
  expect(t.stdout()).toBe('');
});

it('refuses a --ca file that is not a PEM certificate', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'vbem-ca-'));
  const file = join(dir, 'key.pem');
  await writeFile(file, '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');
  const t = terminal({ VBEM_PASSWORD: 'x' });
  expect(await main(['list', 'jobs', '--base-url', 'https://em.example.com:9398', '--username', 'svc', '--ca', file], t.io)).toBe(2);
  expect(t.stderr()).toBe(`vbem list: --ca: expected a PEM certificate (-----BEGIN CERTIFICATE-----), got ${file}, which holds none (see --help)\n`);
});
