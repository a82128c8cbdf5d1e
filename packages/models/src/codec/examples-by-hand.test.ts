import { describe, expect, it } from 'vitest';
import { decode, examples, type Link, type ModelName } from '../index.js';

// What each documented example says, read off the XML by a person, not by the codec: dates as the
// UTC instants they name, integers, enum values, UIDs and links. The codec is checked against this
// table, so a matched pair of bugs in decode and encode (a date read +1 h and written -1 h) cannot
// keep the suite green.

const API = 'https://localhost:9398/api';
const link = (Rel: string, Type: string | undefined, Href: string, Name?: string): Link =>
  ({ Rel, Href, ...(Type === undefined ? {} : { Type }), ...(Name === undefined ? {} : { Name }) }) as Link;

const session475 = '475420ee-d045-4493-9869-0a970e08f6f9';
const server8fff = link('Up', 'BackupServerReference', `${API}/backupServers/8fff3b8e-c3f1-4ef5-aecc-561f07bf9982`, '172.17.53.48');
const ref = (id: string, name: string) => ({
  Type: 'CloudFailoverSessionReference',
  Href: `${API}/cloud/failoverSessions/${id}`,
  Name: name,
  UID: `urn:veeam:CloudFailoverSession:${id}`,
  Links: [server8fff, link('Alternate', 'CloudFailoverSession', `${API}/cloud/failoverSessions/${id}?format=Entity`, name)],
});
const seedRef = (id: string, name: string) => ({
  Type: 'CloudFailoverSessionReference',
  Href: `http://localhost:9399/api/cloud/failoverSessions/${id}`,
  Name: name,
  UID: `urn:veeam:CloudFailoverSession:${id}`,
  Links: [
    link('Up', 'BackupServerReference', 'http://localhost:9399/api/backupServers/8fff3b8e-c3f1-4ef5-aecc-561f07bf9982', '172.17.53.48'),
    link('Alternate', 'CloudFailoverSession', `http://localhost:9399/api/cloud/failoverSessions/${id}?format=Entity`, name),
  ],
});
const entry = (v: string) => ({ Name: v, Links: [link('Create', 'LogonSession', `https://enterprise04.tech.local:9398/api/sessionMngr/?v=${v}`)] });
const query = `${API}/query?type=CloudFailoverSession&format=Entities&sortDesc=CreationTime&filter=Result==failed&pageSize=100&page=1`;

const byHand: Record<string, unknown> = {
  'cloud-failover-sessions.seed.xml': {
    Ref: [
      seedRef('475420ee-d045-4493-9869-0a970e08f6f9', 'ABC Company Failover Plan'),
      seedRef('10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef', 'ABC Company Cloud Failover Plan'),
      seedRef('030015e0-8f8f-469a-93e1-10b680b46887', 'UCM Company Full SIte Failover'),
      seedRef('15db3c3b-b561-4115-a3e3-24a7bfc50c35', 'ABC Company Failover Plan'),
      seedRef('77becc1b-d82e-46c8-93e7-2b59f6d31192', 'ABC Company Failover Plan'),
    ],
  },
  'cloud-failover-sessions.refs.xml': {
    Ref: [ref(session475, 'ABC Company Failover Plan'), ref('10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef', 'ABC Company Cloud Failover Plan')],
  },
  'cloud-failover-session.ref.xml': ref(session475, 'ABC Company Failover Plan'),
  'cloud-failover-session.entity.xml': {
    Type: 'CloudFailoverSession',
    Href: `${API}/cloud/failoverSessions/${session475}?format=Entity`,
    Name: 'ABC Company Failover Plan',
    UID: `urn:veeam:CloudFailoverSession:${session475}`,
    Links: [server8fff, link('Alternate', 'CloudFailoverSessionReference', `${API}/cloud/failoverSessions/${session475}`, 'ABC Company Failover Plan')],
    JobType: 'FailoverPlan',
    CreationTimeUTC: new Date(Date.UTC(2015, 11, 7, 17, 38, 16)),
    EndTimeUTC: new Date(Date.UTC(2015, 11, 7, 17, 39, 36)),
    State: 'Stopped',
    Result: 'Success',
    Progress: 100,
    CloudFailoverTasks: [],
  },
  'cloud-failover-session.running.xml': {
    Type: 'CloudFailoverSession',
    Href: `${API}/cloud/failoverSessions/a986d473-0248-4884-9832-17ec982ee393?format=Entity`,
    Name: 'ABC Company Failover Plan',
    UID: 'urn:veeam:CloudFailoverSession:a986d473-0248-4884-9832-17ec982ee393',
    Links: [
      link('Up', 'BackupServerReference', `${API}/backupServers/4ceb4e03-d23d-4c4e-be05-21580b260243`, 'srv13.tech.local'),
      link('Alternate', 'CloudFailoverSessionReference', `${API}/cloud/failoverSessions/a986d473-0248-4884-9832-17ec982ee393`, 'ABC Company Failover Plan'),
    ],
    JobType: 'FailoverPlan',
    CreationTimeUTC: new Date(Date.UTC(2020, 4, 6, 20, 29, 45, 77)),
    State: 'Working',
    Result: 'None',
    Progress: 0,
    CloudFailoverTasks: [
      {
        VmName: 'filesrv03',
        VmReplicaPointLink: link('Related', 'CloudVmReplicaPointReference', `${API}/cloud/vmReplicaPoints/c1beab6b-2b18-47f1-9e71-354ab8a49fc2`, 'filesrv03@2020-02-13 05:00:46'),
        CreationTimeUTC: new Date(Date.UTC(2020, 4, 6, 20, 29, 50, 130)),
        State: 'Working',
        Result: 'None',
        Progress: 0,
      },
      {
        VmName: 'filesrv04',
        VmReplicaPointLink: link('Related', 'CloudVmReplicaPointReference', `${API}/cloud/vmReplicaPoints/796cbc20-c2be-4acf-bc1a-4e1e32d7df46`, 'filesrv04@2020-02-13 06:02:20'),
        CreationTimeUTC: new Date(Date.UTC(2020, 4, 6, 20, 29, 50, 140)),
        State: 'Starting',
        Result: 'None',
        Progress: 0,
      },
    ],
  },
  'error.500.xml': {
    Message: 'Object reference not set to an instance of an object.',
    StatusCode: 500,
    FirstChanceExceptionMessage: 'Object reference not set to an instance of an object.',
  },
  'entry-point.xml': {
    Links: [
      link('Down', 'LogonSessionList', 'https://enterprise04.tech.local:9398/api/logonSessions'),
      link('Create', 'LogonSession', 'https://enterprise04.tech.local:9398/api/sessionMngr/?v=latest'),
    ],
    SupportedVersions: [entry('v1_5'), entry('v1_6'), entry('v1_7')],
  },
  'logon-session.tenant.xml': {
    Type: 'LogonSession',
    Href: `${API}/logonSessions/362da803-804d-4c32-ad35-0972e432460b`,
    Links: [
      link('Up', 'EnterpriseManager', `${API}/`),
      link('Down', 'CloudConnectService', `${API}/cloud`),
      link('Delete', 'LogonSession', `${API}/logonSessions/362da803-804d-4c32-ad35-0972e432460b`),
    ],
    UserName: 'SRV36\\Administrator',
    SessionId: '362da803-804d-4c32-ad35-0972e432460b',
  },
  'query-cloud-failover-sessions.entities.xml': {
    Entities: {
      CloudFailoverSessions: [
        {
          Type: 'CloudFailoverSession',
          Href: `${API}/cloud/failoverSessions/12295005-66e6-477d-a6d3-1401dd27476e?format=Entity`,
          Name: 'ABC Company Failover Plan',
          UID: 'urn:veeam:CloudFailoverSession:12295005-66e6-477d-a6d3-1401dd27476e',
          Links: [
            link('Up', 'BackupServerReference', `${API}/backupServers/ca19249e-e638-421a-ab22-68cb89b9009a`, '172.24.31.67'),
            link('Alternate', 'CloudFailoverSessionReference', `${API}/cloud/failoverSessions/12295005-66e6-477d-a6d3-1401dd27476e`, 'ABC Company Failover Plan'),
          ],
          JobType: 'FailoverPlan',
          CreationTimeUTC: new Date(Date.UTC(2025, 0, 13, 16, 21, 35, 740)),
          EndTimeUTC: new Date(Date.UTC(2025, 0, 13, 16, 23, 16, 110)),
          State: 'Stopped',
          Result: 'Failed',
          Progress: 100,
          CloudFailoverTasks: [],
        },
      ],
    },
    PagingInfo: { PagesCount: 1, PageSize: 100, PageNum: 1, Links: [link('First', undefined, query), link('Last', undefined, query)] },
  },
};

/**
 * A spec example's `expect` (YAML, written by a person) as the decoded value must look: ISO date
 * strings where the codec gives a Date become that instant, everything else as written.
 */
function asDecoded(expected: unknown, actual: unknown): unknown {
  if (actual instanceof Date && typeof expected === 'string') return new Date(expected);
  if (Array.isArray(expected)) return expected.map((e, i) => asDecoded(e, Array.isArray(actual) ? actual[i] : undefined));
  if (expected === null || typeof expected !== 'object') return expected;
  const of = (actual ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, asDecoded(v, of[k])]));
}

describe('documented examples decode to the values written by hand (this table, or `expect` in the spec)', () => {
  it.each(examples.map((e) => [e.file, e] as const))('%s', (file, ex) => {
    const value = decode(ex.type as ModelName, ex.xml);
    if (file in byHand) {
      expect(value).toEqual(byHand[file]);
      return;
    }
    expect(ex.expect, `write what ${file} says into its example's expect: in spec/ (or into this table)`).toBeDefined();
    expect(value).toMatchObject(asDecoded(ex.expect, value) as object);
  });

  it('reads dates as the UTC instants they name (ISO strings checked too)', () => {
    const session = decode('CloudFailoverSession', examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!.xml);
    expect(session.CreationTimeUTC.toISOString()).toBe('2015-12-07T17:38:16.000Z');
    expect(session.EndTimeUTC?.getTime()).toBe(1449509976000);
  });
});
