import { encode, type CloudFailoverSession, type CloudFailoverSessions, type EntityReferences, type Ref } from '@vbem/models';

const BASE = 'https://localhost:9398/api';
const SERVER = { Rel: 'Up', Type: 'BackupServerReference', Href: `${BASE}/backupServers/8fff3b8e-c3f1-4ef5-aecc-561f07bf9982`, Name: '172.17.53.48' } as const;
const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function ref(i: number): Ref {
  const name = `ABC Company Failover Plan ${i}`;
  const href = `${BASE}/cloud/failoverSessions/${id(i)}`;
  return {
    Type: 'CloudFailoverSessionReference',
    Href: href,
    Name: name,
    UID: `urn:veeam:CloudFailoverSession:${id(i)}`,
    Links: [SERVER, { Rel: 'Alternate', Type: 'CloudFailoverSession', Href: `${href}?format=Entity`, Name: name }],
  };
}

function session(i: number): CloudFailoverSession {
  const created = new Date(Date.UTC(2025, 0, 1) + i * 60_000);
  return {
    ...ref(i),
    Type: 'CloudFailoverSession',
    Links: [SERVER, { Rel: 'Alternate', Type: 'CloudFailoverSessionReference', Href: `${BASE}/cloud/failoverSessions/${id(i)}`, Name: ref(i).Name }],
    JobType: 'FailoverPlan',
    CreationTimeUTC: created,
    EndTimeUTC: new Date(created.getTime() + 100_000),
    State: 'Stopped',
    Result: i % 7 === 0 ? 'Failed' : 'Success',
    Progress: 100,
    CloudFailoverTasks: [0, 1].map((t) => ({
      VmName: `vm-${i}-${t}`,
      VmReplicaPointLink: { Rel: 'Related', Type: 'CloudVmReplicaPointReference', Href: `${BASE}/cloud/vmReplicaPoints/${id(i * 2 + t)}`, Name: `vm-${i}-${t}@2025-01-01 05:00:00` },
      CreationTimeUTC: created,
      EndTimeUTC: new Date(created.getTime() + 90_000),
      State: 'Stopped',
      Result: 'Success',
      Progress: 100,
    })),
  };
}

/** An EntityReferences value of `count` references, two links each. */
export const referenceValue = (count: number): EntityReferences => ({ Ref: Array.from({ length: count }, (_, i) => ref(i)) });

/** A CloudFailoverSessions value of `count` finished sessions with two tasks each. */
export const sessionValue = (count: number): CloudFailoverSessions => ({ CloudFailoverSession: Array.from({ length: count }, (_, i) => session(i)) });

/** An EntityReferences body of `count` references, two links each, written by the codec's encoder. */
export const referenceList = (count: number) => encode('EntityReferences', referenceValue(count));

/** A CloudFailoverSessions body of `count` finished sessions with two tasks each. */
export const sessionList = (count: number) => encode('CloudFailoverSessions', sessionValue(count));
