import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHandlers, createMockState, nodeListener } from '@vbem/mock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TargetUnreachableError } from '../errors.js';
import { runConformance } from '../runner/run-conformance.js';
import { TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';

const tls = (name: string) => readFileSync(new URL(`../test-support/tls/${name}`, import.meta.url), 'utf8');
const server = createServer({ key: tls('server-key.pem'), cert: tls('server-cert.pem') }, nodeListener(createHandlers(createMockState({ sessions: 2, users: { [TEST_USER]: TEST_PASSWORD } }))));
let baseUrl: string;
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve(void (baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`)))));
afterAll(() => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())));

const run = (extra: { ca?: string; insecure?: boolean }) => runConformance({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], ...extra });

it('verifies the certificate by default and refuses an untrusted one', async () => {
  await expect(run({})).rejects.toThrow(TargetUnreachableError);
  await expect(run({})).rejects.toThrow(/SELF_SIGNED|UNABLE_TO_VERIFY|certificate/i);
});

it('trusts the CA given with --ca', async () => {
  expect((await run({ ca: tls('ca.pem') })).summary.failed).toBe(0);
});

it('accepts any certificate with --insecure, and verifies again afterwards', async () => {
  expect((await run({ insecure: true })).summary.failed).toBe(0);
  await expect(fetch(`${baseUrl}/api/`)).rejects.toThrow();
});
