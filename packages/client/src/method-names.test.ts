import { operations, type OperationSpec } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { methodPlans, verbOf } from './method-names.js';
import { createClient } from './create-client.js';

const reads = (Object.values(operations) as OperationSpec[]).filter((o) => o.method === 'GET');

describe('method names', () => {
  it('follow from the operation id and its formats', () => {
    expect(Object.fromEntries(reads.map((o) => [o.id, methodPlans(o).map((m) => m.name)]))).toEqual({
      getBackupServer: ['get', 'getEntity'],
      listCloudFailoverSessions: ['list', 'listEntities'],
      getCloudFailoverSession: ['get', 'getEntity'],
      getEntryPoint: ['get'],
      getLogonSession: ['get'],
      queryCloudFailoverSessions: ['cloudFailoverSessions'],
    });
  });

  it('take the leading lowercase word of an id as its verb', () => {
    expect(['getEntryPoint', 'listCloudFailoverSessions', 'queryCloudFailoverSessions', 'logoff'].map(verbOf)).toEqual(['get', 'list', 'query', 'logoff']);
  });

  it('give every GET operation and format of the spec exactly one method of its resource group', () => {
    const client = createClient({ baseUrl: 'https://localhost:9398', sessionId: 'unused-token' }) as unknown as Record<string, Record<string, unknown>>;
    const expected = reads.flatMap((o) => methodPlans(o).map((m) => `${o.resource}.${m.name}`)).sort();
    const actual = [...new Set(reads.map((o) => o.resource))].flatMap((r) => Object.keys(client[r]!).map((m) => `${r}.${m}`)).sort();
    expect(actual).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
  });
});
