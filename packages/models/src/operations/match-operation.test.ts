import { describe, expect, it } from 'vitest';
import { builtinModel, formatOf, logonSessionIdOf, matchOperation, operations, operationsAtPath, operationUrl, successOf } from '../index.js';

const url = (path: string) => new URL(`https://em.example:9398${path}`);

describe('matchOperation', () => {
  it.each([
    ['GET', '/api/', 'getEntryPoint', {}],
    ['GET', '/api', 'getEntryPoint', {}],
    ['POST', '/api/sessionMngr/?v=latest', 'logon', {}],
    ['DELETE', '/api/logonSessions/362da803-804d-4c32-ad35-0972e432460b', 'logoff', { id: '362da803-804d-4c32-ad35-0972e432460b' }],
    ['GET', '/api/cloud/failoverSessions', 'listCloudFailoverSessions', {}],
    ['GET', '/api/cloud/failoverSessions/475420ee-d045-4493-9869-0a970e08f6f9?format=Entity', 'getCloudFailoverSession', { id: '475420ee-d045-4493-9869-0a970e08f6f9' }],
    ['GET', '/api/query?type=cloudfailoversession&format=Entities', 'queryCloudFailoverSessions', {}],
  ])('matches %s %s to %s', (method, path, id, params) => {
    const match = matchOperation(method, url(path));
    expect(match?.operation.id).toBe(id);
    expect(match?.params).toEqual(params);
  });

  it('matches nothing for a query type the spec does not declare, a path it does not know, or the wrong method', () => {
    expect(matchOperation('GET', url('/api/query?type=NoSuchQueryType'))).toBeUndefined();
    expect(matchOperation('GET', url('/api/no/such/resource'))).toBeUndefined();
    expect(matchOperation('POST', url('/api/cloud/failoverSessions'))).toBeUndefined();
    expect(operationsAtPath(url('/api/cloud/failoverSessions')).map((o) => o.id)).toEqual(['listCloudFailoverSessions']);
  });
});

describe('formatOf', () => {
  const formats = successOf(operations.getCloudFailoverSession).formats;
  it('matches format case-insensitively and falls back to the default representation', () => {
    expect(formatOf(url('/api/cloud/failoverSessions/x?format=entity'), formats)?.body).toBe('CloudFailoverSession');
    expect(formatOf(url('/api/cloud/failoverSessions/x'), formats)?.body).toBe('EntityRef');
    expect(formatOf(url('/api/cloud/failoverSessions/x?format=Nope'), formats)).toBeUndefined();
  });
});

describe('operationUrl', () => {
  it('adds defaults and consts, and URL-encodes path parameters', () => {
    expect(operationUrl('https://em:9398/', operations.logon).href).toBe('https://em:9398/api/sessionMngr/?v=latest');
    expect(operationUrl('https://em:9398', operations.getCloudFailoverSession, { id: 'a/b c' }, { format: 'Entity' }).href).toBe(
      'https://em:9398/api/cloud/failoverSessions/a%2Fb%20c?format=Entity',
    );
    expect(operationUrl('https://em:9398', operations.queryCloudFailoverSessions, {}, { pageSize: 10 }).href).toBe(
      'https://em:9398/api/query?type=CloudFailoverSession&pageSize=10',
    );
  });
});

describe('logonSessionIdOf', () => {
  const session = builtinModel.operations[builtinModel.api.protocol.logonSession]!;
  it('reads the id of the logon session a URL names, and nothing from another URL', () => {
    expect(logonSessionIdOf(operationUrl('https://em:9398', session, { id: '4a8c2b1e-0000-4000-8000-000000000001' }).href)).toBe('4a8c2b1e-0000-4000-8000-000000000001');
    expect(logonSessionIdOf('https://em:9398/api/no/such/resource')).toBeUndefined();
    expect(logonSessionIdOf('not a url')).toBeUndefined();
    expect(logonSessionIdOf(null)).toBeUndefined();
  });
});
