import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fakeEm, PASSWORD, SESSION_ID, USERNAME, type FakeEm } from './fake-em.js';
import { serve, type Served } from './serve.js';

let em: FakeEm;
let server: Served;
beforeAll(async () => {
  em = fakeEm();
  server = await serve(em.fetch);
});
afterAll(() => server.close());

it('the example script lists the cloud failover sessions of a server over HTTP and logs off', async () => {
  Object.assign(process.env, { VBEM_URL: server.url, VBEM_USERNAME: USERNAME, VBEM_PASSWORD: PASSWORD });
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await import('../examples/list-sessions.js');
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual([
    'ABC Company Failover Plan\turn:veeam:CloudFailoverSession:475420ee-d045-4493-9869-0a970e08f6f9',
    'ABC Company Cloud Failover Plan\turn:veeam:CloudFailoverSession:10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef',
    '2 cloud failover session(s)',
  ]);
  expect(em.seen.map((s) => s.operation)).toEqual(['logon', 'listCloudFailoverSessions', 'logoff']);
  expect(em.loggedOff).toEqual([SESSION_ID]);
  expect(em.valid.size).toBe(0);
});
