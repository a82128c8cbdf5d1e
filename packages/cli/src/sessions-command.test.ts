import { createServer, type Server, type Socket } from 'node:net';
import { defaultCredentials, serveMock } from '@vbem/mock';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

function terminal(env: Record<string, string> = {}, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env, ...(signal ? { signal } : {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** A server that accepts connections and never answers. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

it('lists the sessions of a server given as https://host:port/api/, the form `vbem mock serve` prints', async () => {
  const mock = await serveMock({ port: 0 });
  try {
    const t = terminal({ VBEM_PASSWORD: defaultCredentials.password });
    expect(await main(['sessions', 'list', '--base-url', `${mock.url}/api/`, '--username', defaultCredentials.user], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^Name\s+State/);
  } finally {
    await mock.close();
  }
});

it('gives up on a silent server after --timeout, with a TimeoutError', async () => {
  const silent = await silentServer();
  try {
    const t = terminal({ VBEM_PASSWORD: 'pw-unused' });
    expect(await main(['sessions', 'list', '--base-url', silent.url, '--username', 'svc', '--timeout', '200'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^vbem sessions: TimeoutError: POST .* expected a complete response within 200 ms, got none\n$/);
  } finally {
    await silent.close();
  }
});

it('stops at once when interrupted during the implicit logon to a silent server', async () => {
  const silent = await silentServer();
  try {
    const controller = new AbortController();
    const t = terminal({ VBEM_PASSWORD: 'pw-unused' }, controller.signal);
    const run = main(['sessions', 'list', '--base-url', silent.url, '--username', 'svc', '--timeout', '600000'], t.io);
    setTimeout(() => controller.abort(), 50);
    expect(await run).toBe(2);
  } finally {
    await silent.close();
  }
});
