import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_ID } from './fake-em.js';
import { runExample, serveEm, type ServedEm } from './run-example.js';

let served: ServedEm;
beforeAll(async () => {
  served = await serveEm();
});
afterAll(() => served.close());

it('the example script lists the cloud failover sessions of a server over HTTP and logs off', async () => {
  const lines = await runExample(() => import('../examples/list-sessions.js'), served);
  expect(lines).toEqual([
    'ABC Company Failover Plan\turn:veeam:CloudFailoverSession:475420ee-d045-4493-9869-0a970e08f6f9',
    'ABC Company Cloud Failover Plan\turn:veeam:CloudFailoverSession:10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef',
    '2 cloud failover session(s)',
  ]);
  expect(served.em.seen.map((s) => s.operation)).toEqual(['logon', 'listCloudFailoverSessions', 'logoff']);
  expect(served.em.loggedOff).toEqual([SESSION_ID]);
  expect(served.em.valid.size).toBe(0);
});
