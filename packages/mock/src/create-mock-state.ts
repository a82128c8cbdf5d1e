import { defaultCredentials } from './default-credentials.js';
import { documentedData } from './documented-data.js';
import { generateSessions } from './generate-sessions.js';
import type { MockState } from './mock-state.js';
import { VersionedMap } from './versioned-map.js';

export interface MockStateOptions {
  /** How many cloud failover sessions to generate beside the documented ones. (default: 25) */
  sessions?: number;
  /** The seed of the generated sessions: the same seed gives the same sessions. (default: 1) */
  seed?: number;
  /** User names and their passwords that may log on. (default: `{ Administrator: 'vbem-mock' }`) */
  users?: Readonly<Record<string, string>>;
  /** Generated sessions are created in the 30 days before this instant. (default: 2025-01-14T00:00:00Z) */
  now?: Date;
}

let documented: ReturnType<typeof documentedData> | undefined;

/**
 * A fresh fake Enterprise Manager: every documented session with its documented id, name and backup
 * server, then `sessions` generated ones, deterministic for `seed`; no one logged on.
 * @example const state = createMockState({ sessions: 100, seed: 7, users: { alice: 's3cret' } });
 */
export function createMockState(options: MockStateOptions = {}): MockState {
  documented ??= documentedData();
  const generated = generateSessions(options.sessions ?? 25, options.seed ?? 1, {
    backupServers: documented.backupServers,
    jobType: documented.jobType,
    ...(documented.replicaPointLink ? { replicaPointLink: documented.replicaPointLink } : {}),
    now: options.now ?? new Date('2025-01-14T00:00:00Z'),
  });
  const users = options.users ?? { [defaultCredentials.user]: defaultCredentials.password };
  return {
    backupServers: new VersionedMap(documented.backupServers.map((s) => [s.id, { ...s }])),
    failoverSessions: new VersionedMap([...documented.sessions, ...generated].map((s) => [s.id, structuredClone(s)])),
    users: new Map(Object.entries(users)),
    logons: new Map(),
  };
}
