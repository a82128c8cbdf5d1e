import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEm } from '../test/fake-em.js';
import { SELF_SIGNED_CERT, serve, type Served } from '../test/serve.js';
import { createClient } from './create-client.js';
import { NetworkError } from './errors.js';

let server: Served;
beforeAll(async () => {
  server = await serve(fakeEm().fetch, { tls: true });
});
afterAll(() => server.close());

const session = { username: 'user', password: 'password-not-sent-here', retries: 0 };

describe('TLS against a server with a self-signed certificate (real HTTPS on loopback)', () => {
  it('is refused by default, with the reason in the NetworkError message and cause', async () => {
    await using client = createClient({ baseUrl: server.url, ...session });
    const error = (await client.entryPoint.get().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/got a network failure \(TypeError: fetch failed: self.signed certificate/i);
    expect(((error.cause as Error).cause as { code?: string }).code).toMatch(/SELF_SIGNED/);
  });

  it('is accepted with the certificate given as ca', async () => {
    await using client = createClient({ baseUrl: server.url, ...session, ca: SELF_SIGNED_CERT });
    await expect(client.entryPoint.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  });

  it('is accepted with rejectUnauthorized false', async () => {
    await using client = createClient({ baseUrl: server.url, ...session, rejectUnauthorized: false });
    await expect(client.entryPoint.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  });
});
