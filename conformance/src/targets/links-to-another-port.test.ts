import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinModel as model } from '@vbem/models';
import { afterEach, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { runServerTarget } from './server-target.js';

let mock: ObservedMock | undefined;
let other: Server | undefined;
afterEach(async () => {
  await mock?.close();
  await new Promise<void>((resolve) => (other ? (other.closeAllConnections(), other.close(() => resolve())) : resolve()));
});

/** The fake, whose every href names the same host on another port, where a server counts what reaches it. */
async function linksToAnotherPort() {
  const reached: string[] = [];
  other = createServer((req, res) => (reached.push(`${req.method} ${req.url}`), res.end()));
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  mock = await startObservedMock(2);
  const own = mock.url;
  for (const id of Object.keys(model.operations)) mock.faults[id] = { mutate: (xml) => xml.replaceAll(own, otherOrigin) };
  return { baseUrl: own, otherOrigin, reached };
}

it('does not follow a link to the same host on another port: nothing is sent there, and the skip names that origin', async () => {
  const { baseUrl, otherOrigin, reached } = await linksToAnotherPort();
  const exchanges: Exchange[] = [];
  const outcome = await runServerTarget({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1 }, (e) => void exchanges.push(e));
  expect(reached).toEqual([]);
  expect(exchanges.filter((e) => new URL(e.request.url).origin !== baseUrl)).toEqual([]);
  expect(outcome.skipped.some((s) => s.reason.startsWith(`link on another origin (${otherOrigin})`))).toBe(true);
}, 300_000);

it('follows those links on the base URL when the other port is declared the same server', async () => {
  const { baseUrl, otherOrigin, reached } = await linksToAnotherPort();
  const outcome = await runServerTarget({ baseUrl, username: TEST_USER, password: TEST_PASSWORD, sample: 1, sameOrigins: [otherOrigin] }, () => undefined);
  expect(reached).toEqual([]);
  expect(outcome.skipped.filter((s) => s.reason.startsWith('link on another origin'))).toEqual([]);
  expect(mock!.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(5);
}, 300_000);
