import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHandlers, createMockState, nodeListener } from '@vbem/mock';
import { afterEach, expect, it } from 'vitest';
import { TargetUnreachableError } from '../errors.js';
import { runConformance } from '../runner/run-conformance.js';
import { TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';

const tls = (name: string) => readFileSync(new URL(`../test-support/tls/${name}`, import.meta.url), 'utf8');

// Each test serves its own HTTPS fake: nothing is shared between tests.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.close(() => resolve()), server.closeAllConnections()) : resolve())));

async function serveHttps(): Promise<string> {
  server = createServer({ key: tls('server-key.pem'), cert: tls('server-cert.pem') }, nodeListener(createHandlers(createMockState({ entities: 2, users: { [TEST_USER]: TEST_PASSWORD } }))));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const run = (baseUrl: string, extra: { ca?: string; insecure?: boolean; servername?: string }) =>
  runConformance({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], ...extra });

it('verifies the certificate by default and refuses an untrusted one', async () => {
  const baseUrl = await serveHttps();
  await expect(run(baseUrl, {})).rejects.toThrow(TargetUnreachableError);
  await expect(run(baseUrl, {})).rejects.toThrow(/SELF_SIGNED|UNABLE_TO_VERIFY|certificate/i);
});

it('trusts the CA given with --ca', async () => {
  expect((await run(await serveHttps(), { ca: tls('ca.pem') })).summary.failed).toBe(0);
});

it('accepts any certificate with --insecure, and verifies again afterwards', async () => {
  const baseUrl = await serveHttps();
  expect((await run(baseUrl, { insecure: true })).summary.failed).toBe(0);
  await expect(fetch(`${baseUrl}/api/`)).rejects.toThrow();
});

it('checks the certificate against the servername given, not the host of the base URL', async () => {
  const baseUrl = await serveHttps();
  await expect(run(baseUrl, { ca: tls('ca.pem'), servername: 'em.example.com' })).rejects.toThrow(/ERR_TLS_CERT_ALTNAME_INVALID/);
  expect((await run(baseUrl, { ca: tls('ca.pem'), servername: 'localhost' })).summary.failed).toBe(0);
});
