import { afterEach, describe, expect, it } from 'vitest';
import { fakeEm } from '../test/fake-em.js';
import { SELF_SIGNED_CERT, serve, type Served } from '../test/serve.js';
import { createClient } from './create-client.js';
import { NetworkError } from './errors.js';

// Each test serves its own HTTPS server: nothing is shared between tests.
let server: Served | undefined;
const https = async () => (server = await serve(fakeEm().fetch, { tls: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const session = { username: 'user', password: 'password-not-sent-here', retries: 0 };
const codeOf = (error: NetworkError) => ((error.cause as Error).cause as { code?: string }).code;

describe('TLS against a server with a self-signed certificate (real HTTPS on loopback)', () => {
  it('is refused by default, with the reason in the NetworkError message and cause', async () => {
    await using client = createClient({ baseUrl: (await https()).url, ...session });
    const error = (await client.api.get().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/got a network failure \(TypeError: fetch failed: self.signed certificate/i);
    expect(codeOf(error)).toMatch(/SELF_SIGNED/);
  });

  it('is accepted with the certificate given as ca', async () => {
    await using client = createClient({ baseUrl: (await https()).url, ...session, ca: SELF_SIGNED_CERT });
    await expect(client.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  });

  it('is accepted with rejectUnauthorized false', async () => {
    await using client = createClient({ baseUrl: (await https()).url, ...session, rejectUnauthorized: false });
    await expect(client.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  });

  it('is checked against the servername given instead of the host of the baseUrl', async () => {
    const url = (await https()).url;
    await using wrong = createClient({ baseUrl: url, ...session, ca: SELF_SIGNED_CERT, servername: 'em.example.com' });
    const error = (await wrong.api.get().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(codeOf(error)).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    await using right = createClient({ baseUrl: url, ...session, ca: SELF_SIGNED_CERT, servername: 'localhost' });
    await expect(right.api.get()).resolves.toMatchObject({ SupportedVersions: expect.any(Array) });
  });
});
