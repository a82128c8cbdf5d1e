import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

/** Runs `vbem mock serve` until its first output, and stops it. */
async function serveOnce(args: string[], env: Record<string, string>): Promise<string> {
  const controller = new AbortController();
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) }, env, signal: controller.signal };
  const serving = main(['mock', 'serve', '--port', '0', ...args], io);
  await expect.poll(() => out.join(''), { timeout: 30_000 }).toMatch(/conformance --base-url/);
  controller.abort();
  expect(await serving).toBe(0);
  return out.join('');
}

it('says how to log on with the built-in password when none is set', async () => {
  const text = await serveOnce([], {});
  expect(text).toMatch(/log on as Administrator with the built-in password 'vbem-mock'/);
  expect(text).toMatch(/VBEM_PASSWORD=vbem-mock vbem conformance --base-url http:\/\/127\.0\.0\.1:\d+\/api --username Administrator\n/);
});

it('takes --user and --password-env, and names the variable, never the password', async () => {
  const text = await serveOnce(['--user', 'svc-audit', '--password-env', 'FAKE_PW'], { FAKE_PW: 'sekrit-fake-password' });
  expect(text).toMatch(/log on as svc-audit with the password in \$FAKE_PW/);
  expect(text).toContain('VBEM_PASSWORD="$FAKE_PW" vbem conformance');
  expect(text).not.toContain('sekrit-fake-password');
});

it('suggests `pnpm vbem` when run from the repository script', async () => {
  expect(await serveOnce([], { npm_lifecycle_event: 'vbem' })).toContain('VBEM_PASSWORD=vbem-mock pnpm vbem conformance');
});

it('serves the JSON of the Enterprise Manager version --json-style names', async () => {
  const controller = new AbortController();
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) }, env: {}, signal: controller.signal };
  const serving = main(['mock', 'serve', '--port', '0', '--json-style', '13'], io);
  await expect.poll(() => out.join(''), { timeout: 30_000 }).toMatch(/conformance --base-url (\S+)/);
  try {
    expect(out.join('')).toContain('JSON as EM 13 writes it');
    const base = /--base-url (\S+)/.exec(out.join(''))![1]!;
    const response = await fetch(`${base}/`, { headers: { Accept: 'application/json' } });
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const keys = Object.keys((await response.json()) as object);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key[0]).toBe(key[0]!.toLowerCase());
  } finally {
    controller.abort();
  }
  expect(await serving).toBe(0);
});

it('refuses a --json-style it does not know, naming the ones it does', async () => {
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) }, env: {} };
  expect(await main(['mock', 'serve', '--port', '0', '--json-style', '11'], io)).not.toBe(0);
  expect(out.join('')).toMatch(/--json-style: expected one of 9\.5, 12, 13, got 11/);
});
