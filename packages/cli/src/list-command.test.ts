import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { defaultCredentials, jsonStyles, serveMock } from '@vbem/mock';
import { builtinModel, mediaTypeOf, representations } from '@vbem/models';
import { expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { collectionsOf, defaultColumns } from './collections.js';
import { CAMEL_CASE_NOTE } from './list-command.js';
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

/** A loopback server in front of `target` that passes every request on and records the Accept asked and the Content-Type answered. */
async function recordingProxy(target: string): Promise<{ url: string; seen: { accept: string | undefined; answered: string | null }[]; close: () => Promise<void> }> {
  const seen: { accept: string | undefined; answered: string | null }[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection').map(([k, v]) => [k, String(v)]));
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}), redirect: 'manual' })
        .then(async (answer) => {
          seen.push({ accept: req.headers.accept, answered: answer.headers.get('content-type') });
          const text = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([k]) => k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'content-length')));
          res.end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

const collections = [...collectionsOf(builtinModel).values()];

it('finds a collection for every list operation of the spec, and prints them without one', async () => {
  const lists = Object.values(builtinModel.operations).filter((o) => o.method === 'GET' && o.entity !== undefined && o.params.length === 0 && !o.query.some((q) => q.const !== undefined));
  expect(new Set(collections.map((c) => c.operation.id))).toEqual(new Set(lists.map((o) => o.id)));
  const t = terminal();
  expect(await main(['list'], t.io)).toBe(0);
  for (const c of collections) expect(t.stdout()).toMatch(new RegExp(`^${c.group}\\s+${c.items.type}\\s+${defaultColumns(builtinModel.xmlMaps[c.items.type]!).join(',')}$`, 'm'));
});

it.each(collections.map((c) => [c.group, c] as const))('lists %s of the built-in fake in its entity form, a row per item', async (group, c) => {
  const t = terminal();
  expect(await main(['list', group, '--json'], t.io)).toBe(0);
  const items = JSON.parse(t.stdout()) as Record<string, unknown>[];
  expect(items.length).toBeGreaterThan(0);
  const entity = builtinModel.xmlMaps[c.items.type]!;
  for (const item of items) for (const key of Object.keys(item)) expect([...entity.attributes, ...entity.elements].map((f) => f.name)).toContain(key);
  const table = terminal();
  expect(await main(['list', group], table.io)).toBe(0);
  expect(table.stdout().trimEnd().split('\n')).toHaveLength(items.length + 1);
}, 30_000);

it('lists a server given as https://host:port/api/, the form `vbem mock serve` prints', async () => {
  const mock = await serveMock({ port: 0 });
  try {
    const t = terminal({ VBEM_PASSWORD: defaultCredentials.password });
    expect(await main(['list', 'cloudFailoverSessions', '--base-url', `${mock.url}/api/`, '--username', defaultCredentials.user], t.io)).toBe(0);
    expect(t.stdout()).toMatch(/^Name\s+CreationTimeUTC\s+EndTimeUTC\s+State\s+Result\s+Progress\n/);
  } finally {
    await mock.close();
  }
});

it('refuses a collection the spec does not have, naming those it has', async () => {
  const t = terminal();
  expect(await main(['list', 'nothings'], t.io)).toBe(2);
  expect(t.stderr()).toBe(`vbem list: collection: expected one of ${collections.map((c) => c.group).join(', ')}, got 'nothings' (see --help)\n`);
});

it('gives up on a silent server after --timeout, with a TimeoutError', async () => {
  const silent = await silentServer();
  try {
    const t = terminal({ VBEM_PASSWORD: 'pw-unused' });
    expect(await main(['list', 'jobs', '--base-url', silent.url, '--username', 'svc', '--timeout', '200'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^vbem list: TimeoutError: POST .* expected a complete response within 200 ms, got none\n$/);
  } finally {
    await silent.close();
  }
});

it('exits 2 when interrupted during the logon to a silent server, once that logon reaches --timeout', async () => {
  const silent = await silentServer();
  try {
    const controller = new AbortController();
    const t = terminal({ VBEM_PASSWORD: 'pw-unused' }, controller.signal);
    const run = main(['list', 'jobs', '--base-url', silent.url, '--username', 'svc', '--timeout', '300'], t.io);
    setTimeout(() => controller.abort(), 50);
    expect(await run).toBe(2);
  } finally {
    await silent.close();
  }
});

it('refuses a representation Enterprise Manager does not speak, naming the two it does', async () => {
  const t = terminal();
  expect(await main(['list', 'jobs', '--representation', 'yaml'], t.io)).toBe(2);
  expect(t.stderr()).toBe(`vbem list: --representation: expected one of xml, json, got 'yaml' (see --help)\n`);
});

it.each(representations)('asks a server for %s with --representation and prints the same items as from XML, --json and table', async (representation) => {
  const mock = await serveMock({ port: 0 });
  const proxy = await recordingProxy(mock.url);
  try {
    const run = async (...extra: string[]) => {
      const t = terminal({ VBEM_PASSWORD: defaultCredentials.password });
      expect(await main(['list', 'jobs', '--base-url', proxy.url, '--username', defaultCredentials.user, ...extra], t.io), t.stderr()).toBe(0);
      return t.stdout();
    };
    const xmlJson = await run('--json');
    const xmlTable = await run();
    proxy.seen.length = 0;
    expect(await run('--json', '--representation', representation)).toBe(xmlJson);
    expect(await run('--representation', representation)).toBe(xmlTable);
    expect(JSON.parse(xmlJson)).not.toEqual([]);
    const mediaType = mediaTypeOf(builtinModel, representation);
    expect(proxy.seen.map((s) => s.accept)).toEqual(Array(proxy.seen.length).fill(mediaType));
    expect(proxy.seen.filter((s) => s.answered !== null).every((s) => s.answered!.startsWith(mediaType))).toBe(true);
    expect(proxy.seen.length).toBe(6);
  } finally {
    await proxy.close();
    await mock.close();
  }
}, 60_000);

it.each([
  ['12', ''],
  ['13', `vbem list: note: ${CAMEL_CASE_NOTE}\n`],
] as const)('reads the JSON of a fake imitating EM %s into the same --json, with a note on stderr only for camelCase keys', async (version, note) => {
  const mock = await serveMock({ port: 0, json: jsonStyles[version] });
  try {
    const run = async (...extra: string[]) => {
      const t = terminal({ VBEM_PASSWORD: defaultCredentials.password });
      expect(await main(['list', 'backupSessions', '--json', '--base-url', mock.url, '--username', defaultCredentials.user, ...extra], t.io)).toBe(0);
      return { stdout: t.stdout(), stderr: t.stderr() };
    };
    const fromXml = await run();
    const fromJson = await run('--representation', 'json');
    expect(fromJson.stdout).toBe(fromXml.stdout);
    expect(fromJson.stderr).toBe(note);
    expect(fromXml.stderr).toBe('');
  } finally {
    await mock.close();
  }
}, 60_000);
