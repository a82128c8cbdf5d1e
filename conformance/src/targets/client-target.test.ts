import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { runClientTarget } from './client-target.js';

it('drives every operation through the client, with each documented error status, and never leaves the process', async () => {
  const exchanges: Exchange[] = [];
  await runClientTarget({}, (e) => void exchanges.push(e));
  const origins = new Set(exchanges.filter((e) => e.sent !== false).map((e) => new URL(e.request.url).origin));
  expect(origins).toEqual(new Set(['https://em.vbem.test:9398']));
  const forced = exchanges.filter((e) => e.probe === 'forced-status' && e.outcome);
  expect(new Set(forced.map((e) => e.operationId))).toEqual(new Set(['getBackupServer', 'listCloudFailoverSessions', 'getCloudFailoverSession', 'getEntryPoint', 'logon', 'getLogonSession', 'logoff', 'queryCloudFailoverSessions']));
  const foreign = exchanges.find((e) => e.probe === 'foreign-origin')!;
  expect(foreign).toMatchObject({ sent: false, outcome: { error: { name: 'ForeignOriginError' } } });
  expect(exchanges.filter((e) => e.outcome?.value !== undefined).length).toBeGreaterThan(8);
});
