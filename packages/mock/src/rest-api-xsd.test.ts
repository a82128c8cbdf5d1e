import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, operationUrl } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { getWith, logOn } from './test-support/http-session.js';
import { skipWithoutXsd, xsdErrors } from './test-support/rest-api-xsd.js';

let mock: MockServer;
let token = '';
beforeAll(async () => {
  mock = await serveMock({ state: createMockState({ sessions: 40, seed: 3 }) });
  token = (await logOn(mock.url)).token;
});
afterAll(() => mock.close());

/** Every EntityReferences and EntityRef body the mock serves, and the reference pages of the query service. */
async function referenceBodies(): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const get = async (url: URL) => bodies.set(url.pathname + url.search, await (await getWith(token, url)).text());
  await get(operationUrl(mock.url, operations.listCloudFailoverSessions));
  for (const id of mock.state.failoverSessions.keys()) await get(operationUrl(mock.url, operations.getCloudFailoverSession, { id }));
  for (const id of mock.state.backupServers.keys()) await get(operationUrl(mock.url, operations.getBackupServer, { id }));
  for (const page of [1, 2, 3]) await get(operationUrl(mock.url, operations.queryCloudFailoverSessions, {}, { format: 'Refs', pageSize: 20, page }));
  return bodies;
}

describe.skipIf(skipWithoutXsd)("Veeam's RestAPI.xsd (../shared/veeam/RestAPI.xsd or $VBEM_RESTAPI_XSD)", () => {
  it('accepts every reference body the mock serves', async () => {
    const bodies = await referenceBodies();
    expect(bodies.size).toBe(1 + mock.state.failoverSessions.size + mock.state.backupServers.size + 3);
    const errors = await xsdErrors(bodies);
    expect([...errors].filter(([, e]) => e.length > 0).map(([name, e]) => `${name}: ${e[0]!.message}`)).toEqual([]);
  });

  it('accepts the logon session body', async () => {
    const { response } = await logOn(mock.url);
    const errors = await xsdErrors(new Map([['logon', await response.text()]]));
    expect(errors.get('logon')).toEqual([]);
  });

  it('refuses a reference body without UIDs (the validator is not vacuous)', async () => {
    const bodies = await referenceBodies();
    const list = bodies.values().next().value!.replaceAll(/ UID="[^"]*"/g, '');
    const errors = await xsdErrors(new Map([['list without UIDs', list]]));
    expect(errors.get('list without UIDs')?.[0]?.message).toMatch(/UID/);
  });
});
