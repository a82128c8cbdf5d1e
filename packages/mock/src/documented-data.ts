import { decode, examples, matchOperation, type CloudFailoverSession, type Link, type Ref } from '@vbem/models';
import type { MockBackupServer, MockFailoverSession } from './mock-state.js';
import { createPrng, seedOf } from './prng.js';

/** What the documented examples say about cloud failover sessions and their backup servers. */
export interface DocumentedData {
  readonly backupServers: MockBackupServer[];
  /** In the order the examples list them; sessions documented only as references get invented, finished details. */
  readonly sessions: MockFailoverSession[];
  /** The documented JobType of a failover session. */
  readonly jobType: string;
  /** A documented task's replica point link, the template of generated ones. */
  readonly replicaPointLink?: Link;
}

interface Sighting {
  readonly id: string;
  readonly name: string;
  readonly serverId: string;
  readonly entity?: CloudFailoverSession;
}

const idOf = (href: string) => matchOperation('GET', new URL(href))?.params.id;

/**
 * Reads the documented examples once: the ids, names and backup servers of every documented
 * session, and the full details of those documented as entities.
 * @example documentedData().sessions[0]?.id // '475420ee-d045-4493-9869-0a970e08f6f9'
 */
export function documentedData(): DocumentedData {
  const servers = new Map<string, MockBackupServer>();
  const sightings = new Map<string, Sighting>();
  const see = (item: Ref | CloudFailoverSession, entity?: CloudFailoverSession) => {
    const id = idOf(item.Href);
    const up = item.Links?.find((l) => l.Rel === 'Up');
    const serverId = up && idOf(up.Href);
    if (!id || !up || !serverId) return;
    if (!servers.has(serverId)) servers.set(serverId, inventServer(serverId, up.Name ?? serverId));
    const known = sightings.get(id);
    if (!known || (entity && !known.entity)) sightings.set(id, { id, name: item.Name, serverId, ...(entity ? { entity } : {}) });
  };
  for (const ex of examples) {
    if (ex.type === 'EntityReferences') for (const ref of decode('EntityReferences', ex.xml).Ref) see(ref);
    if (ex.type === 'EntityRef') see(decode('EntityRef', ex.xml));
    if (ex.type === 'CloudFailoverSession') {
      const entity = decode('CloudFailoverSession', ex.xml);
      see(entity, entity);
    }
    if (ex.type === 'QueryResult') {
      const result = decode('QueryResult', ex.xml);
      for (const ref of result.Refs ?? []) see(ref);
      for (const entity of result.Entities?.CloudFailoverSessions ?? []) see(entity, entity);
    }
  }
  const entities = [...sightings.values()].flatMap((s) => (s.entity ? [s.entity] : []));
  const jobType = entities[0]?.JobType ?? '';
  const sessions = [...sightings.values()].map((s) => (s.entity ? fromEntity(s, s.entity) : invent(s, jobType)));
  const replicaPointLink = entities.flatMap((e) => e.CloudFailoverTasks)[0]?.VmReplicaPointLink;
  return { backupServers: [...servers.values()], sessions, jobType, ...(replicaPointLink ? { replicaPointLink } : {}) };
}

function fromEntity(s: Sighting, entity: CloudFailoverSession): MockFailoverSession {
  const { Href: _h, Type: _t, UID: _u, Links: _l, ...fields } = entity;
  return { id: s.id, backupServerId: s.serverId, ...fields };
}

// Sessions documented only as references: finished, successful or with a warning (never Failed, so
// the documented query `Result==failed` finds exactly its documented answer), on dates of their own.
function invent(s: Sighting, jobType: string): MockFailoverSession {
  const prng = createPrng(seedOf(s.id));
  const created = Date.UTC(2019, 0, 1) + prng.int(0, 5 * 365) * 86_400_000 + prng.int(0, 86_399) * 1000;
  return {
    id: s.id,
    backupServerId: s.serverId,
    Name: s.name,
    JobType: jobType,
    CreationTimeUTC: new Date(created),
    EndTimeUTC: new Date(created + prng.int(60, 1800) * 1000),
    State: 'Stopped',
    Result: prng.next() < 0.75 ? 'Success' : 'Warning',
    Progress: 100,
    CloudFailoverTasks: [],
  };
}

function inventServer(id: string, name: string): MockBackupServer {
  return { id, Name: name, Description: `Backup server ${name}`, Port: 9392, Version: '12.3.1.1139', WcfPort: 9405 };
}
