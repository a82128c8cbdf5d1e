import type { VbemClient } from '@vbem/client';
import type { operations } from '@vbem/models';

/** The ids the client target calls operations with: known to the fake it drives. */
export interface KnownIds {
  readonly failoverSession: string;
  readonly backupServer: string;
  readonly logonSession: string;
}

/** One client call per operation of the spec, named as the client's public API names it. */
export interface OperationCall {
  /** The method called, for messages: `cloudFailoverSessions.get`. */
  readonly name: string;
  readonly call: (client: VbemClient, ids: KnownIds) => Promise<unknown>;
}

/** The first page the client's paged method yields. */
const firstPage = async <T>(pages: AsyncGenerator<T>) => (await pages.next()).value;

/**
 * How the client target reaches each operation through the client (logon and logoff through the
 * session lifecycle). Typed against the operation table: a new operation in the spec does not
 * compile until it has a call here.
 */
export const operationCalls = {
  getEntryPoint: { name: 'entryPoint.get', call: (c) => c.entryPoint.get() },
  logon: { name: 'logon', call: (c) => c.logon() },
  getLogonSession: { name: 'logonSessions.get', call: (c, ids) => c.logonSessions.get(ids.logonSession) },
  logoff: { name: 'logoff', call: (c) => c.logoff() },
  listCloudFailoverSessions: { name: 'cloudFailoverSessions.list', call: (c) => c.cloudFailoverSessions.list() },
  getCloudFailoverSession: { name: 'cloudFailoverSessions.get', call: (c, ids) => c.cloudFailoverSessions.get(ids.failoverSession) },
  getBackupServer: { name: 'backupServers.get', call: (c, ids) => c.backupServers.get(ids.backupServer) },
  queryCloudFailoverSessions: { name: 'query.cloudFailoverSessions', call: (c) => firstPage(c.query.cloudFailoverSessions()) },
} satisfies Record<keyof typeof operations, OperationCall>;
