import type { OperationId } from '@vbem/models';
import type { Responder } from './request-context.js';
import { getBackupServer } from './responders/get-backup-server.js';
import { getCloudFailoverSession } from './responders/get-cloud-failover-session.js';
import { getEntryPoint } from './responders/get-entry-point.js';
import { getLogonSession } from './responders/get-logon-session.js';
import { listCloudFailoverSessions } from './responders/list-cloud-failover-sessions.js';
import { logoff } from './responders/logoff.js';
import { logon } from './responders/logon.js';
import { queryCloudFailoverSessions } from './responders/query-cloud-failover-sessions.js';

/** What each operation of the spec does; a new operation in the spec fails to compile here until it has one. */
export const responders: Readonly<Record<OperationId, Responder>> = {
  getBackupServer,
  listCloudFailoverSessions,
  getCloudFailoverSession,
  getEntryPoint,
  logon,
  getLogonSession,
  logoff,
  queryCloudFailoverSessions,
};

/**
 * The operations whose answer depends only on the URL and the sessions and servers (not on who
 * asks): their bodies are cached until the state's maps change.
 */
export const stateDerived: ReadonlySet<string> = new Set<OperationId>([
  'getBackupServer',
  'listCloudFailoverSessions',
  'getCloudFailoverSession',
  'getEntryPoint',
  'queryCloudFailoverSessions',
]);
