import type { BackupServer, CloudFailoverSession } from '@vbem/models';

/** A backup server the sessions' Up links resolve to; the entity's fields without its links. */
export type MockBackupServer = { readonly id: string } & Readonly<Omit<BackupServer, 'Href' | 'Type' | 'UID' | 'Links'>>;

/**
 * A cloud failover session: the entity's fields without Href, Type, UID and Links, which the mock
 * builds from the request's origin. Task links keep their own hrefs and are moved to that origin.
 */
export type MockFailoverSession = { readonly id: string; readonly backupServerId: string } & Readonly<
  Omit<CloudFailoverSession, 'Href' | 'Type' | 'UID' | 'Links'>
>;

/** A logon session the mock has opened. */
export interface MockLogon {
  /** The logon session's id (its SessionId and the `{id}` of its URL). */
  readonly id: string;
  /** The opaque token sent back in the session header. */
  readonly token: string;
  readonly userName: string;
  /** When it was last used, in ms since the epoch. */
  lastUsed: number;
}

/**
 * Everything the fake Enterprise Manager knows; the handlers read it on every request. Ids are
 * lower-case GUIDs. Change sessions and servers with `set`/`delete` (never in place): bodies built
 * from them are cached until the maps' versions change.
 */
export interface MockState {
  /** Backup servers by id. */
  readonly backupServers: Map<string, MockBackupServer>;
  /** Cloud failover sessions by id, in list order: the documented ones first. */
  readonly failoverSessions: Map<string, MockFailoverSession>;
  /** User names (matched case-insensitively, as Windows accounts) and their passwords. */
  readonly users: ReadonlyMap<string, string>;
  /** Live logon sessions by token. */
  readonly logons: Map<string, MockLogon>;
}
