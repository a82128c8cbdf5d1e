import type { BackupServer, CloudFailoverPlanManagementSpec, CloudFailoverSession, CloudFailoverSessions, EnterpriseManager, EntityRef, EntityReferences, LogonSession, QueryResult, Ref, Task } from '@vbem/models';
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type FollowResult, type HttpError, type Pages, type VbemClient } from './index.js';

declare const client: VbemClient;
declare const id: string;

describe('resource methods', () => {
  it('return the model of their operation and format', () => {
    expectTypeOf(client.cloudFailoverSessions.list()).resolves.toEqualTypeOf<EntityReferences>();
    expectTypeOf(client.cloudFailoverSessions.listEntities()).resolves.toEqualTypeOf<CloudFailoverSessions>();
    expectTypeOf(client.cloudFailoverSessions.get(id)).resolves.toEqualTypeOf<EntityRef>();
    expectTypeOf(client.cloudFailoverSessions.getEntity(id)).resolves.toEqualTypeOf<CloudFailoverSession>();
    expectTypeOf(client.backupServers.get(id)).resolves.toEqualTypeOf<EntityRef>();
    expectTypeOf(client.backupServers.getEntity(id)).resolves.toEqualTypeOf<BackupServer>();
    expectTypeOf(client.api.get()).resolves.toEqualTypeOf<EnterpriseManager>();
    expectTypeOf(client.logonSessions.get(id)).resolves.toEqualTypeOf<LogonSession>();
  });

  it('stream the items of a list representation with items(), typed by the list', () => {
    expectTypeOf(client.cloudFailoverSessions.listEntities.items()).toEqualTypeOf<AsyncGenerator<CloudFailoverSession, void, undefined>>();
    expectTypeOf(client.cloudFailoverSessions.list.items()).toEqualTypeOf<AsyncGenerator<Ref, void, undefined>>();
    // @ts-expect-error - a single entity is no list
    void client.cloudFailoverSessions.getEntity.items;
  });

  it('take the path id as a string and a signal as options', () => {
    expectTypeOf(client.cloudFailoverSessions.get).parameters.toEqualTypeOf<[id: string, options?: { signal?: AbortSignal }]>();
    // @ts-expect-error - get needs the id
    void client.cloudFailoverSessions.get();
    // @ts-expect-error - ids are strings
    void client.cloudFailoverSessions.get(42);
    // @ts-expect-error - the spec documents no such method
    void client.cloudFailoverSessions.delete(id);
  });

  it('page a query with typed filters, sorting, page size and format', () => {
    const pages = client.query.cloudFailoverSession({ filter: 'Result==Failed', sortDesc: 'CreationTime', pageSize: 100, format: 'Entities' });
    expectTypeOf(pages).toEqualTypeOf<Pages<QueryResult, 'Entities', CloudFailoverSession>>();
    expectTypeOf(pages).toMatchTypeOf<AsyncGenerator<QueryResult, void, undefined>>();
    expectTypeOf(pages.items()).toEqualTypeOf<AsyncGenerator<CloudFailoverSession, void, undefined>>();
    expectTypeOf(client.query.cloudFailoverSession({ format: 'Refs' }).items()).toEqualTypeOf<AsyncGenerator<Ref, void, undefined>>();
    expectTypeOf(client.query.cloudFailoverSession().items()).toEqualTypeOf<AsyncGenerator<Ref | CloudFailoverSession, void, undefined>>();
    // @ts-expect-error - the query type is fixed by the spec
    void client.query.cloudFailoverSession({ type: 'CloudFailoverSession' });
    // @ts-expect-error - pageSize is an int
    void client.query.cloudFailoverSession({ pageSize: '100' });
    // @ts-expect-error - the query documents no such format
    void client.query.cloudFailoverSession({ format: 'Entity' });
  });
});

describe('write methods and actions', () => {
  it('take the path id, the body typed by the spec, then options, and resolve to the Task', () => {
    expectTypeOf(client.cloudCloudFailoverPlans.start(id, { StartNow: true })).resolves.toEqualTypeOf<Task>();
    expectTypeOf(client.cloudCloudFailoverPlans.start).parameters.toEqualTypeOf<[id: string, body: CloudFailoverPlanManagementSpec, options?: { signal?: AbortSignal }]>();
    expectTypeOf(client.cloudCloudFailoverPlans.undo(id)).resolves.toEqualTypeOf<Task>();
    // @ts-expect-error - the body is required
    void client.cloudCloudFailoverPlans.start(id);
    // @ts-expect-error - StartNow is a boolean
    void client.cloudCloudFailoverPlans.start(id, { StartNow: 'yes' });
    // @ts-expect-error - the action is the method's own, not an option
    void client.cloudCloudFailoverPlans.undo(id, { action: 'undo' });
  });

  it('wait for a task with tasks.wait', () => {
    expectTypeOf(client.tasks.get(id)).resolves.toEqualTypeOf<Task>();
    expectTypeOf(client.tasks.wait).parameters.toEqualTypeOf<[task: Task, options?: { timeoutMs?: number; intervalMs?: number; signal?: AbortSignal }]>();
    expectTypeOf(client.tasks.wait({} as Task)).resolves.toEqualTypeOf<Task>();
  });

  it('leave logon and logoff to the lifecycle', () => {
    // @ts-expect-error - logon is client.logon()
    void client.logonSessions.logon;
  });
});

describe('follow', () => {
  it('is typed by the link Type when it is a literal, or by the type asked for', () => {
    expectTypeOf(client.follow({ Href: '', Type: 'CloudFailoverSession' })).resolves.toEqualTypeOf<CloudFailoverSession>();
    expectTypeOf(client.follow({ Href: '', Type: 'BackupServerReference' })).resolves.toEqualTypeOf<EntityRef>();
    expectTypeOf(client.follow({ Href: '', Type: 'x' as string }, { type: 'CloudFailoverSession' })).resolves.toEqualTypeOf<CloudFailoverSession>();
    expectTypeOf(client.follow({ Href: '', Type: 'x' as string })).resolves.toEqualTypeOf<FollowResult>();
    // @ts-expect-error - no link target of that name
    void client.follow({ Href: '' }, { type: 'CloudConnectService' });
  });
});

describe('createClient', () => {
  it('takes credentials or a sessionId, not both, and is disposable', () => {
    expectTypeOf(createClient({ baseUrl: 'https://em:9398', username: 'u', password: 'p' })).toEqualTypeOf<VbemClient>();
    expectTypeOf(createClient({ baseUrl: 'https://em:9398', sessionId: 't' })).toEqualTypeOf<VbemClient>();
    // @ts-expect-error - both ways at once
    createClient({ baseUrl: 'https://em:9398', username: 'u', password: 'p', sessionId: 't' });
    // @ts-expect-error - a password without a user name
    createClient({ baseUrl: 'https://em:9398', password: 'p' });
    expectTypeOf(client[Symbol.asyncDispose]).returns.resolves.toBeVoid();
    expectTypeOf(client.logoff()).resolves.toBeVoid();
  });

  it('raises errors that carry typed data', () => {
    expectTypeOf<HttpError['status']>().toBeNumber();
    expectTypeOf<HttpError['body']>().toEqualTypeOf<import('@vbem/models').ErrorBody | undefined>();
  });
});

describe('the representation option', () => {
  it('is xml or json, and onCasing is told one of the two casings', () => {
    createClient({ baseUrl: 'https://em:9398', username: 'u', password: 'p', representation: 'json', onCasing: (casing, operation) => void [casing satisfies 'PascalCase' | 'camelCase', operation satisfies string] });
    createClient({ baseUrl: 'https://em:9398', sessionId: 't', representation: 'xml' });
    // @ts-expect-error - Enterprise Manager speaks no YAML
    createClient({ baseUrl: 'https://em:9398', sessionId: 't', representation: 'yaml' });
  });
});
