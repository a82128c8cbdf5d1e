import { examples, formatOf, matchOperation, operations, successOf } from '@vbem/models';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, SESSION_ID, USERNAME, xml, type FakeEm } from './fake-em.js';
import { serve, type Served } from './serve.js';

const entity = examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!;
const documentedId = entity.params!.id!;

let em: FakeEm;
let server: Served;
beforeAll(async () => {
  // The documented entity stands in for every session; links point at this server instead of localhost:9398.
  let origin = '';
  em = fakeEm(async (request, next) => {
    const match = matchOperation(request.method, request.url);
    const format = match && formatOf(request.url, successOf(match.operation).formats)?.format;
    const response = match?.operation.id === operations.getCloudFailoverSession.id && format === 'Entity' ? xml(200, entity.xml.replaceAll(documentedId, match.params.id!)) : next();
    const text = await response.text();
    return new Response(text ? text.replaceAll(BASE_URL, origin) : null, response);
  });
  server = await serve(em.fetch);
  origin = server.url;
});
afterAll(() => server.close());

it('the README example follows each Alternate link, prints State and Result, and logs off', async () => {
  Object.assign(process.env, { VBEM_URL: server.url, VBEM_USERNAME: USERNAME, VBEM_PASSWORD: PASSWORD });
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await import('../examples/follow-sessions.js');
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual(['ABC Company Failover Plan: Stopped, Success', 'ABC Company Failover Plan: Stopped, Success']);
  expect(em.seen.map((s) => s.operation)).toEqual(['logon', 'listCloudFailoverSessions', 'getCloudFailoverSession', 'getCloudFailoverSession', 'logoff']);
  expect(em.loggedOff).toEqual([SESSION_ID]);
});
