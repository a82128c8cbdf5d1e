import { describe, expect, it } from 'vitest';
import { MethodNameCollisionError, SpecError } from './index.js';
import { specWithApi } from '../test/spec-from.js';

const TYPES = `types:
  Thing: { root: Thing, attributes: { Name: { type: string } } }
  Things: { root: Things, elements: { Thing: { type: Thing, repeated: true, optional: true } } }
`;
const op = (id: string, path: string, extra = '') => `  ${id}:
    summary: s
    docs: d.html
    method: GET
    path: ${path}
    auth: none
${extra}    responses:
      200:
        formats:
          default: { body: Things }
          Entity: { body: Things }
`;
const PROTOCOL = 'protocol: { entryPoint: p, logon: p, logonSession: p, logoff: p, authProbe: p }\n';
const spec = (...ops: string[]) => specWithApi(PROTOCOL, TYPES, `operations:\n${[op('p', '/'), ...ops].join('')}`);

/** The problems of the error a spec gets, as `path: message`. */
function refused(build: () => unknown): { error: unknown; problems: string[] } {
  try {
    build();
  } catch (error) {
    return { error, problems: (error as SpecError).problems.map((p) => `${p.path}: ${p.message}`) };
  }
  throw new Error('expected the spec to be refused');
}

describe('client names by the path rule', () => {
  it('names the group and methods from the path: names before the parameter, list for a list, the format after', () => {
    const s = spec(op('a', '/cloud/failover_sessions'), op('b', '/cloud/failover_sessions/{id}', '    params: { id: { type: guid } }\n'), op('c', '/cloud/failover_sessions/{id}/task_sessions', '    params: { id: { type: guid } }\n'));
    expect(s.operations.slice(1).map((o) => [o.resource, o.methods])).toEqual([
      ['cloudFailoverSessions', { default: 'list', Entity: 'listEntities' }],
      ['cloudFailoverSessions', { default: 'get', Entity: 'getEntity' }],
      ['cloudFailoverSessions', { default: 'listTaskSessions', Entity: 'listTaskSessionsEntities' }],
    ]);
  });

  it('refuses two operations whose paths give one method, with a MethodNameCollisionError naming both', () => {
    const { error, problems } = refused(() => spec(op('a', '/cloud/failoverSessions'), op('b', '/cloudFailoverSessions')));
    expect(error).toBeInstanceOf(MethodNameCollisionError);
    expect(error).toBeInstanceOf(SpecError);
    expect(problems).toEqual([
      "operations.b.path: client.cloudFailoverSessions.list would be both a's and b's (GET /cloudFailoverSessions): the path rule gives two operations one method name",
      "operations.b.path: client.cloudFailoverSessions.listEntities would be both a's and b's (GET /cloudFailoverSessions): the path rule gives two operations one method name",
    ]);
  });

  it('refuses a resource key that is not the group the path gives, saying which it is', () => {
    const { error, problems } = refused(() => spec(op('a', '/cloud/gateways', '    resource: gateways\n')));
    expect((error as Error).name).toBe('SpecError');
    expect(problems).toEqual(["operations.a.resource: the client group the path gives is 'cloudGateways', not 'gateways': drop resource (the path names it)"]);
  });
});
