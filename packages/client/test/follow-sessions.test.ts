import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_ID } from './fake-em.js';
import { runExample, serveEm, type ServedEm } from './run-example.js';

// The documented entity stands in for every session; links point at this server instead of localhost:9398.
let served: ServedEm;
beforeAll(async () => {
  served = await serveEm();
});
afterAll(() => served.close());

it('the README example follows each Alternate link, prints State and Result, and logs off', async () => {
  const lines = await runExample(() => import('../examples/follow-sessions.js'), served);
  expect(lines).toEqual(['ABC Company Failover Plan: Stopped, Success', 'ABC Company Failover Plan: Stopped, Success']);
  expect(served.em.seen.map((s) => s.operation)).toEqual(['logon', 'listCloudFailoverSessions', 'getCloudFailoverSession', 'getCloudFailoverSession', 'logoff']);
  expect(served.em.loggedOff).toEqual([SESSION_ID]);
});
