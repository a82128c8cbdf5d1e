import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { fakeEm } from '../test/fake-em.js';
import { SELF_SIGNED_CERT, serve, type Served } from '../test/serve.js';
import { NetworkError } from './errors.js';
import { createClient } from './create-client.js';

/** A CONNECT proxy on loopback that records where it tunnelled to. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; server: Server }> {
  const tunnels: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tunnels, server };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await cleanup?.();
});

const session = { username: 'user', password: 'password-never-shown', retries: 0 };

async function setUp(tls = false) {
  const served: Served = await serve(fakeEm().fetch, { tls });
  const proxy = await startProxy();
  cleanup = async () => {
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
    await served.close();
  };
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) vi.stubEnv(name, '');
  return { served, proxy };
}

it('sends its requests through the proxy that HTTP_PROXY / HTTPS_PROXY name', async () => {
  const { served, proxy } = await setUp();
  vi.stubEnv('HTTP_PROXY', proxy.url);
  vi.stubEnv('HTTPS_PROXY', proxy.url);
  await using client = createClient({ baseUrl: served.url, ...session });
  await expect(client.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  expect(proxy.tunnels).toEqual([new URL(served.url).host]);
});

it('goes direct to a host NO_PROXY names', async () => {
  const { served, proxy } = await setUp();
  vi.stubEnv('HTTP_PROXY', proxy.url);
  vi.stubEnv('NO_PROXY', '127.0.0.1');
  await using client = createClient({ baseUrl: served.url, ...session });
  await expect(client.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  expect(proxy.tunnels).toEqual([]);
});

it('reaches loopback hosts directly when NO_PROXY is unset', async () => {
  const { served, proxy } = await setUp();
  vi.stubEnv('HTTP_PROXY', proxy.url);
  vi.stubEnv('NO_PROXY', undefined);
  vi.stubEnv('no_proxy', undefined);
  await using client = createClient({ baseUrl: served.url, ...session });
  await expect(client.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  expect(proxy.tunnels).toEqual([]);
});

it('tunnels HTTPS through the proxy with CONNECT, still verifying the server\'s certificate', async () => {
  const { served, proxy } = await setUp(true);
  vi.stubEnv('HTTPS_PROXY', proxy.url);
  await using trusting = createClient({ baseUrl: served.url, ...session, ca: SELF_SIGNED_CERT });
  await expect(trusting.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  expect(proxy.tunnels).toEqual([new URL(served.url).host]);
  // Through the tunnel the certificate is the server's own: without its CA it is refused.
  await using verifying = createClient({ baseUrl: served.url, ...session });
  const error = await verifying.api.get().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toMatch(/self.signed certificate/i);
  expect(proxy.tunnels).toHaveLength(2);
});
