import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockState, defaultCredentials, serveMock } from '@vbem/mock';
import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { collectionsOf } from './collections.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

const collection = [...collectionsOf(builtinModel).keys()][0]!;
const { user, password } = defaultCredentials;

/** A terminal whose password is the fakes'. */
function terminal(signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: { VBEM_PASSWORD: password }, ...(signal ? { signal } : {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const list = async (baseUrl: string) => {
  const t = terminal();
  expect(await main(['list', collection, '--base-url', baseUrl, '--username', user], t.io)).toBe(ExitStatus.ok);
  return t.stdout();
};

it('vbem conformance --har, then vbem mock serve --seed run.har: vbem list shows what the recorded server held', async () => {
  // A server whose data the fake would not generate by itself (another seed, another size).
  const server = await serveMock({ state: createMockState({ seed: 7, entities: 3 }) });
  const har = join(await mkdtemp(join(tmpdir(), 'vbem-cli-seed-')), 'run.har');
  let listed: string;
  try {
    const t = terminal();
    expect(await main(['conformance', '--base-url', server.url, '--username', user, '--sample', '2', '--har', har], t.io)).toBe(ExitStatus.ok);
    listed = await list(server.url);
  } finally {
    await server.close();
  }
  const controller = new AbortController();
  const t = terminal(controller.signal);
  const serving = main(['mock', 'serve', '--port', '0', '--seed', har], t.io);
  try {
    await expect.poll(() => t.stdout(), { timeout: 30_000 }).toMatch(/a fake Enterprise Manager at (\S+)\/api\//);
    expect(t.stdout()).toMatch(new RegExp(`^vbem mock: \\d+ recorded bodies loaded from ${har.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    const url = /a fake Enterprise Manager at (\S+)\/api\//.exec(t.stdout())![1]!;
    expect(await list(url)).toBe(listed);
    // Without the recording, the fake holds other data.
    const generated = await serveMock({ state: createMockState({}) });
    try {
      expect(await list(generated.url)).not.toBe(listed);
    } finally {
      await generated.close();
    }
  } finally {
    controller.abort();
    expect(await serving).toBe(ExitStatus.ok);
  }
}, 120_000);

it('vbem mock serve --seed with a file that is not there exits 2 naming it', async () => {
  const t = terminal();
  expect(await main(['mock', 'serve', '--port', '0', '--seed', 'no-such-run.har'], t.io)).toBe(ExitStatus.couldNotRun);
  expect(t.stderr()).toContain('--seed');
  expect(t.stderr()).toContain('no-such-run.har: no such file');
});
