import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeJson, JsonShapeError, PreciseDate, TruncatedJsonError, type CodecIssue, type KeyCasing, type ModelName } from '../../index.js';
import { failure } from '../../../test/fixtures.js';

/** An hourly scheme with every hour on, as the job bodies write it. */
const ONES = '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1';

// Real JSON bodies (../shared/real-world/json/, beside the checkout, never copied into the repository;
// their sources are in its SOURCES.md). Each is decoded as the type its operation documents.
const dir = new URL('../../../../../../shared/real-world/json/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');

/** The body type of each file, or why it is skipped. */
const BODIES: Record<string, ModelName | { skip: string }> = {
  'agents-discoveredComputers-entity-v12.json': 'DiscoveredComputers',
  'api-v12.json': 'EnterpriseManager',
  'api-v13.json': 'EnterpriseManager',
  'backupServers-entity-v12.json': 'BackupServers',
  'backupServers-entity-v13.json': 'BackupServers',
  'backupSessions-id-entity-v10.json': 'BackupJobSession',
  'backups-id-entity-v9.5u4.json': 'Backup',
  'backups-id-restorePoints-refs-v9.5u4.json': 'EntityReferences',
  'backups-refs-v9.5u4.json': 'EntityReferences',
  'cloud-tenants-id-put-request-v9.5u4.json': { skip: 'the tenant edit request (CloudTenantSpec) is not in the spec' },
  'cloudFailoverPlans-id-start-request-docs-v13.json': 'CloudFailoverPlanManagementSpec',
  'cloudTenants-entity-docs-v13.json': 'CloudTenants',
  'credentialsInfo-docs-v13.json': { skip: 'credentials are not in the spec' },
  'entityRef-backupServer-docs-v13.json': 'EntityRef',
  'entityRef-job-docs-v13.json': 'EntityRef',
  'entityReferences-cloudTenants-docs-v13.json': 'EntityReferences',
  'error-400-v9.5u4-1.json': 'ErrorBody',
  'error-400-v9.5u4-2.json': 'ErrorBody',
  'error-404-v9.5u4.json': 'ErrorBody',
  'job-entity-docs-v13.json': 'Job',
  'jobs-id-backupSessions-entity-v9.5u4.json': 'BackupJobSessions',
  'jobs-id-entity-v9.5u4.json': 'Job',
  'jobs-id-includes-post-request-docs-v13.json': { skip: 'the job includes request (CreateObjectInJobSpec) is not in the spec' },
  'jobs-refs-v9.5u4.json': 'EntityReferences',
  'logonSession-v12.json': 'LogonSession',
  'nas-backupSessions-refs-v10.json': 'EntityReferences',
  'nas-fileServers-entity-v10.json': 'FileServers',
  'nas-fileServers-id-entity-v10.json': 'FileServer',
  'nas-fileServers-refs-v10.json': 'EntityReferences',
  'nas-jobs-entity-v10.json': 'NasJobs',
  'nas-jobs-refs-v10.json': 'EntityReferences',
  'nas-v10.json': 'NasService',
  'query-BackupJobSession-entities-v12-1.json': 'QueryResult',
  'query-BackupJobSession-entities-v12-2.json': 'QueryResult',
  'query-BackupJobSession-entities-v13.json': 'QueryResult',
  'query-BackupJobSession-entities-v9.5u4-1.json': 'QueryResult',
  'query-BackupJobSession-entities-v9.5u4-2.json': 'QueryResult',
  'query-BackupJobSession-entities-v9.5u4-3.json': 'QueryResult',
  'query-BackupJobSession-entities-v9.5u4-4.json': 'QueryResult',
  'query-BackupJobSession-refs-v10.json': 'QueryResult',
  'query-BackupTaskSession-entities-v12.json': 'QueryResult',
  'query-BackupTaskSession-entities-v13.json': 'QueryResult',
  'reports-summary-composite-v13.json': { skip: 'four bodies under keys a plugin added: decoded one by one below' },
  'reports-summary-job_statistics-v12.json': 'JobStatisticsReportFrame',
  'reports-summary-job_statistics-v13.json': 'JobStatisticsReportFrame',
  'reports-summary-job_statistics-v9.5u4.json': 'JobStatisticsReportFrame',
  'reports-summary-overview-v12.json': 'OverviewReportFrame',
  'reports-summary-overview-v9.5u4.json': 'OverviewReportFrame',
  'reports-summary-processed_vms-v9.5u4.json': 'ProcessedVmsReportFrame',
  'reports-summary-repository-v9.5u4.json': 'RepositoryReportFrame',
  'reports-summary-vms_overview-v12.json': 'VmsOverviewReportFrame',
  'reports-summary-vms_overview-v13.json': 'VmsOverviewReportFrame',
  'reports-summary-vms_overview-v9.5u4.json': 'VmsOverviewReportFrame',
  'repositories-entity-v12.json': 'Repositories',
  'repositories-entity-v13.json': 'Repositories',
  'restorePoints-id-vmRestorePoints-refs-v9.5u4.json': 'EntityReferences',
  'security-accounts-post-request-docs-v13.json': { skip: 'the account create request (EnterpriseAccountCreateSpec) is not in the spec: only the GETs of security accounts are' },
  'task-v9.5u4.json': 'Task',
  'vmRestorePoints-id-actionrestore-request-docs-v13.json': { skip: 'the restore request (RestoreSpec) is not in the spec' },
};

/**
 * Damage the anonymizers did, per SOURCES.md and the bodies themselves: undone before decoding
 * (the damaged bodies are refused, below).
 */
const ANONYMIZED: Record<string, { why: string; repair: (text: string) => string; refusedAt: string }> = {
  'backupServers-entity-v12.json': { why: 'two hand edits left stray spaces ("https: //", "BackupServer: 6612...")', repair: (t) => t.replaceAll('https: //', 'https://').replaceAll('BackupServer: ', 'BackupServer:'), refusedAt: '$.BackupServers[0].UID' },
  'query-BackupJobSession-entities-v12-2.json': { why: 'the test author cut the id off 19 job UIDs ("urn:veeam:Job")', repair: (t) => t.replaceAll('"urn:veeam:Job"', '"urn:veeam:Job:xxxxxxxx-yyyy-zzzz-1111-aaaaaaaaaaaa"'), refusedAt: '$.Entities.BackupJobSessions.BackupJobSessions[3].JobUid' },
};

interface Decoded {
  value: unknown;
  casing: KeyCasing | undefined;
  warnings: CodecIssue[];
}

function decoded(type: ModelName, text: string): Decoded {
  const warnings: CodecIssue[] = [];
  let casing: KeyCasing | undefined;
  const value = decodeJson(type, text, { onWarning: (w) => warnings.push(w), onCasing: (c) => (casing = c) });
  return { value, casing, warnings };
}

const body = (file: string) => decoded(BODIES[file] as ModelName, ANONYMIZED[file]?.repair(read(file)) ?? read(file));

/** A decoded value with its date-times as their texts: what a person reads off the file. */
const asRead = (v: unknown): unknown =>
  v instanceof PreciseDate ? v.text : Array.isArray(v) ? v.map(asRead) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asRead(x)])) : v;

describe.skipIf(!existsSync(dir))('the real JSON bodies of ../shared/real-world/json', () => {
  it('lists every body of the folder, so a new one is not left out silently', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(BODIES).sort());
  });

  it.for(Object.entries(BODIES))('%s decodes as its documented type, PascalCase before v13 and camelCase on v13 captures', ([file, type], ctx) => {
    if (typeof type !== 'string') return ctx.skip(type.skip);
    const { casing } = body(file);
    const camel = /-v13\.json$/.test(file) && !file.includes('-docs-');
    expect(casing).toBe(camel ? 'camelCase' : 'PascalCase');
  });

  it.each(Object.entries(ANONYMIZED))('%s as published is refused at the damage the anonymizer did, with a JsonShapeError', (file, { refusedAt }) => {
    const error = (() => {
      try {
        decodeJson(BODIES[file] as ModelName, read(file));
      } catch (e) {
        return e;
      }
    })() as JsonShapeError;
    expect(error).toBeInstanceOf(JsonShapeError);
    expect(error.issues).toContainEqual(expect.objectContaining({ path: refusedAt, code: 'value' }));
  });

  // No body of the folder is cut short (SOURCES.md lists none, and every one parses): real ones are cut here.
  it.each(['query-BackupJobSession-entities-v13.json', 'logonSession-v12.json', 'error-400-v9.5u4-2.json'])('%s cut short anywhere is refused as a TruncatedJsonError', (file) => {
    const text = read(file).trimEnd();
    for (const at of [1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1]) {
      expect(failure(() => decodeJson(BODIES[file] as ModelName, text.slice(0, at))), `${file} cut at ${at}`).toBeInstanceOf(TruncatedJsonError);
    }
  });

  it('reads the four report bodies a plugin nested in one file, each as its type', () => {
    const composite = JSON.parse(read('reports-summary-composite-v13.json')) as Record<string, unknown>;
    const types: Record<string, ModelName> = { job_statistics: 'JobStatisticsReportFrame', overview: 'OverviewReportFrame', repository: 'RepositoryReportFrame', vms_overview: 'VmsOverviewReportFrame' };
    expect(Object.keys(composite).sort()).toEqual(Object.keys(types));
    const values = Object.fromEntries(Object.entries(types).map(([key, type]) => [key, decoded(type, JSON.stringify(composite[key]))]));
    expect(values.job_statistics!.value).toMatchObject({ FailedJobRuns: 18, MaxJobDuration: 2220, MaxDurationReplicaJobName: '', TotalJobRuns: 42 });
    expect(values.overview!.value).toMatchObject({ BackupServers: 12, ProxyServers: 58, RepositoryServers: 52, FailedVmLastestStates: 1 });
    for (const v of Object.values(values)) expect([v.casing, v.warnings]).toEqual(['camelCase', []]);
  });

  // What a person reads off each file, one body per type.
  const HAND_READ: [string, unknown][] = [
    ['api-v13.json', { SupportedVersions: [{ Name: 'v1_5', Links: [{ Rel: 'Create', Href: 'https://myhost.mydomain.org:9398/api/sessionMngr/?v=v1_5', Type: 'LogonSession' }] }, { Name: 'v1_6' }, { Name: 'v1_7' }] }],
    ['backupServers-entity-v13.json', { BackupServer: [{ Description: '', Port: 443, Version: '13.0.1.2067', WcfPort: 9405, VbrCertificateThumbprint: 'FB70F5AE49C31EB4E89DC033EDA05BDD1F8A0522', Name: 'myhost.mydomain.org', UID: 'urn:veeam:BackupServer:db1f26a3-6ff2-4305-99a5-40826bb32d61' }, {}] }],
    ['backupSessions-id-entity-v10.json', { IsRetry: false, JobUid: 'urn:veeam:Job:70073b98-098b-4046-a097-43cbda67d58a', JobName: 'Archived Projects', JobType: 'NasBackup', CreationTimeUTC: '2020-02-04T08:12:19.453Z', EndTimeUTC: '2020-02-04T08:47:10.64Z', State: 'Stopped', Result: 'Success', Progress: 100, Name: 'Archived Projects@2020-02-04 08:12:19', UID: 'urn:veeam:BackupJobSession:821cc74e-9447-40b6-a2df-90aa47101233' }],
    ['backups-id-entity-v9.5u4.json', { Platform: 'VMware', BackupType: 'Standard', Name: '[ASS005]:AB_Basic_200GB_1', UID: 'urn:veeam:Backup:f657bc5d-c905-4551-b923-00ab2e7d6fe7', Links: [{ Rel: 'Up', Href: 'http://192.168.16.21:9399/api/repositories/e7cc9f08-2f45-4a44-9c28-3ac6c9f8eef6', Name: 'WAV_ISANDO_VM_PROXY_NODE4', Type: 'RepositoryReference' }, {}, {}, {}, {}] }],
    // A wrapper list whose inner array is named by its item's plural, not by the wrapper: Resources holds CloudTenantResources.
    ['cloudTenants-entity-docs-v13.json', { CloudTenant: [{ Description: 'Tenant account for QWE Systems', Enabled: true, Resources: [{ RepositoryQuota: { DisplayName: 'Repository 1', Quota: 256000, UsedQuota: 169903 } }, { RepositoryQuota: { DisplayName: 'QWE Vol 02', UsedQuota: 103 } }], LastResult: 'Success', LastActive: '2020-02-03T14:20:27.177Z', MaxConcurrentTasks: 1, BackupProtectionPeriod: 3, Name: 'QWE Systems' }, { ComputeResources: [{ ComputeResourceStats: { MemoryUsageMb: 8192, CPUCount: 4, StorageResourceStats: [{ StorageName: 'Cloud Replicas', StorageUsageGb: 68, StorageLimitGb: 300 }] } }] }, { LastResult: 'Failed' }] }],
    ['agents-discoveredComputers-entity-v12.json', { DiscoveredComputer: [{ HostStatus: 'Online', AgentVersion: '6.3.2.1307', AgentStatus: 'Installed', OsVersion: 'Red Hat Enterprise Linux 9.6 (Plow)', IpAddress: '1.2.3.4', Name: 'myhost1.mydomain.org', UID: 'urn:veeam:DiscoveredComputer:535612d0-3406-4afc-90ad-1200fdf493e3' }, { Name: 'myhostx.mydomain.org' }] }],
    ['nas-fileServers-entity-v10.json', { FileServer: [{ ServerType: 'SmbServer', Name: '\\\\appserver\\Work' }] }],
    ['nas-fileServers-id-entity-v10.json', { ServerType: 'SmbServer', SmbServerOptions: { Path: '\\\\appserver\\Work' }, ProcessingOptions: { ServerUid: 'urn:veeam:FileServer:765dde91-3d01-439e-8c9a-4b23ac6909d9', CacheRepositoryUid: 'urn:veeam:Repository:88788f9e-d8f5-4eb4-bc4f-9b3f5403bcec' }, Name: '\\\\appserver\\Work' }],
    // Includes holds NASObjects (a repeated element's plural), each with its InclusionMask's Extensions.
    ['nas-jobs-entity-v10.json', { NASJob: [{ Description: 'Created by YOUNGS\\administrator at 4/02/2020 9:07 PM.', Includes: { NASObject: [{ ObjectInJobId: 'bdddfd2f-ca6f-49d9-94b6-920801260a83', FileServerUid: 'urn:veeam:FileServer:765dde91-3d01-439e-8c9a-4b23ac6909d9', FileOrFolder: '\\\\appserver\\Work\\Development Transfer', InclusionMask: { Extension: ['*.*'] } }] }, ScheduleConfigured: true, NextRun: '2020-02-05T09:00:00Z', Name: 'Archived Projects' }] }],
    ['cloudFailoverPlans-id-start-request-docs-v13.json', { StartNow: true, StartDate: '2015-12-29T15:13:37.7418767Z' }],
    ['entityRef-job-docs-v13.json', { UID: 'urn:veeam:Job:2851cb88-37b6-46ea-b2c8-47b55270169d', Name: 'CRM Backup', Href: 'https://srv12.tech.local:9398/api/jobs/2851cb88-37b6-46ea-b2c8-47b55270169d', Type: 'JobReference', Links: [{ Rel: 'Up', Name: 'appsrv01.tech.local' }, { Rel: 'Alternate', Type: 'Job' }, { Rel: 'Down', Type: 'BackupJobSessionReferenceList' }] }],
    ['jobs-refs-v9.5u4.json', { Ref: [{ UID: 'urn:veeam:Job:9be68a1c-7893-4c92-93e9-043be7533759', Name: 'Ven-CC-Basic_750GB', Links: [{ Rel: 'Up', Name: '192.168.16.21', Type: 'BackupServerReference' }, { Rel: 'Alternate' }, { Rel: 'Down' }] }] }],
    ['error-400-v9.5u4-1.json', { Message: ' ID 99999 is invalid. Type: Job', StatusCode: 400 }],
    ['jobs-id-entity-v9.5u4.json', { JobType: 'Backup', Platform: 'VMware', Description: 'Created by VEEAM\\Administrator at 2/23/2017 1:06 PM.', ScheduleConfigured: true, ScheduleEnabled: true, NextRun: '2019-07-18T19:15:00Z',
      // "RetrySpecified1" is RetrySpecified; a <Day Name="Sunday"> is {"Name":"Sunday","Value":"1,1,…"}, in "Days".
      JobScheduleOptions: {
        Standart: {
          RetryOptions: { RetryTimes: 3, RetryTimeout: 10, RetrySpecified: true },
          WaitForBackupCompletion: true,
          BackupCompetitionWaitingPeriodMin: 180,
          OptionsDaily: { Kind: 'Everyday', Days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'], Time: '2017-02-23T19:15:00Z', TimeOffsetUtc: 2, Enabled: true },
          OptionsPeriodically: { Kind: 'Hours', FullPeriod: 1, Enabled: false, Schedule: { Day: [{ Name: 'Sunday', Value: ONES }, { Name: 'Monday', Value: ONES }, {}, {}, {}, {}, { Name: 'Saturday', Value: ONES }] } },
        },
      } }],
    ['jobs-id-backupSessions-entity-v9.5u4.json', { BackupJobSession: [{ IsRetry: true, JobName: 'Ven-CC-Basic_750GB', CreationTimeUTC: '2019-02-19T20:10:54Z', EndTimeUTC: '2019-02-19T20:47:26Z', Result: 'Success', Progress: 100, UID: 'urn:veeam:BackupJobSession:90641c91-e4dc-4078-9331-015552fa19a5' }, {}] }],
    // EM 10's /nas: Href and Type null (absent), six Down links.
    ['nas-v10.json', { Links: [{ Rel: 'Down', Href: 'https://localhost:9398/api/nas/jobs', Type: 'JobReferenceList' }, { Type: 'FileServerReferenceList' }, { Type: 'BackupJobSessionReferenceList' }, { Href: 'https://localhost:9398/api/nas/jobs?format=Entity', Type: 'JobList' }, {}, { Type: 'BackupJobSessionList' }] }],
    ['logonSession-v12.json', { UserName: 'myuser', SessionId: 'b9a759dd-4496-4f50-8fc0-f925aa283f8d', Href: 'https://myhost.mydomain.org:9398/api/logonSessions/b9a759dd-4496-4f50-8fc0-f925aa283f8d', Type: 'LogonSession' }],
    ['query-BackupJobSession-entities-v13.json', { Entities: { BackupJobSessions: [{ IsRetry: true, JobUid: 'urn:veeam:Job:1c2914db-8ce3-45c4-867a-53f0a1944703', JobType: 'Backup', CreationTimeUTC: '2026-06-16T06:33:10.659559Z', EndTimeUTC: '2026-06-16T06:38:51.134519Z', Name: 'H3_BACKUP_DDH_ORACLE_DEV_SYSONLY@2026-06-16 06:33:10.659559', UID: 'urn:veeam:BackupJobSession:7e9fd38b-10bd-4943-8c4f-f3fd991da78d' }, {}] }, PagingInfo: { PageNum: 1, PageSize: 100, PagesCount: 1, Links: [{ Rel: 'First' }, { Rel: 'Last' }] } }],
    ['query-BackupTaskSession-entities-v12.json', { Entities: { BackupTaskSessions: [{ JobSessionUid: 'urn:veeam:BackupJobSession:ddf1d66d-0ee8-4964-8da3-3780f3f9775f', EndTimeUTC: '2026-06-15T05:50:44.62Z', Reason: '', TotalSize: 0, VmUid: 'urn:VMware:Vm:5b08bf82-530a-4cca-ac1a-8327b68250bd.vm-1411027', VmDisplayName: 'MYHOST' }, {}] } }],
    ['reports-summary-job_statistics-v13.json', { RunningJobs: 0, ScheduledJobs: 2, TotalJobRuns: 11, FailedJobRuns: 10, MaxJobDuration: 4140, MaxReplicaJobDuration: 0, MaxDurationBackupJobName: 'H3_BACKUP_DDH_DEV', MaxDurationReplicaJobName: '' }],
    ['reports-summary-overview-v12.json', { BackupServers: 10, ProxyServers: 65, RepositoryServers: 86, ScheduledJobs: 79, SuccessfulVmLastestStates: 2071 }],
    ['reports-summary-processed_vms-v9.5u4.json', { Day: [{ Timestamp: '2019-07-15T22:00:00Z', ReplicatedVms: 0, BackupedVms: 67 }, { Timestamp: '2019-07-14T22:00:00Z', BackupedVms: 402 }, {}, {}, {}, {}, {}] }],
    ['reports-summary-repository-v9.5u4.json', { Period: [{ Name: 'Scale-Out_Backup_Repository_1', Capacity: 14010040700928, FreeSpace: 5440467521536, BackupSize: 8569573179392 }, {}, {}], CapacityPlanningReportLink: 'Workspace/ViewReport.aspx?definition=62221565-102c-4ec8-851b-d61c03d972d1&ShowParams=1' }],
    ['reports-summary-vms_overview-v13.json', { ProtectedVms: 104, BackedUpVms: 104, RestorePoints: 106, FullBackupPointsSize: 481934966784, SourceVmsSize: 18104319159761, SuccessBackupPercents: 98 }],
    ['repositories-entity-v12.json', { Repository: [{ Capacity: -1, FreeSpace: -1, Kind: 'AmazonS3Compatible', Name: 's3-veeam-dbbackup', UID: 'urn:veeam:Repository:e2018b65-7c91-4230-8517-00f27d71da24' }, {}] }],
    ['task-v9.5u4.json', { TaskId: 'task-9', State: 'Running', Operation: 'EditCloudTenant', Links: [{ Rel: 'Delete', Href: 'http://cloudconnect1.testcloudspace.co.nz:9399/api/tasks/task-9' }], Href: 'http://cloudconnect1.testcloudspace.co.nz:9399/api/tasks/task-9', Type: 'Task' }],
  ];

  it('covers every decoded type with a hand-read body', () => {
    const typed = new Set(Object.values(BODIES).filter((t): t is ModelName => typeof t === 'string'));
    expect(new Set(HAND_READ.map(([file]) => BODIES[file]))).toEqual(typed);
  });

  it.each(HAND_READ)('%s holds the values read off the file', (file, expected) => {
    const value = asRead(body(file).value) as Record<string, unknown>;
    expect(value).toMatchObject(expected as Record<string, unknown>);
    // Lists keep their length: a partial item `{}` stands for each one not spelled out.
    for (const [key, list] of Object.entries(expected as Record<string, unknown>)) if (Array.isArray(list)) expect(value[key]).toHaveLength(list.length);
  });

  it('reads a wrapper list whose inner array is named as the wrapper as the same list, without a warning (no body shows which name EM writes where the two differ)', () => {
    const real = body('cloudTenants-entity-docs-v13.json');
    const renamed = decoded('CloudTenants', read('cloudTenants-entity-docs-v13.json').replaceAll('"CloudTenantResources":', '"Resources":'));
    expect(renamed.value).toEqual(real.value);
    expect(renamed.warnings).toEqual(real.warnings);
  });

  it('reads nulls and absent keys alike: v12 writes FailureMessage: null, 9.5 leaves it out; neither is a value', () => {
    const v12 = (body('query-BackupJobSession-entities-v12-1.json').value as { Entities: { BackupJobSessions: object[] } }).Entities.BackupJobSessions[0]!;
    const v95 = (body('jobs-id-backupSessions-entity-v9.5u4.json').value as { BackupJobSession: object[] }).BackupJobSession[0]!;
    expect(read('query-BackupJobSession-entities-v12-1.json')).toContain('"FailureMessage": null');
    expect('FailureMessage' in v12).toBe(false);
    expect('FailureMessage' in v95).toBe(false);
  });

  it('warns of the repository kind the spec does not list, naming its JSON path in the body\'s casing', () => {
    expect(body('repositories-entity-v12.json').warnings).toEqual([expect.objectContaining({ path: '$.Repositories[0].Kind', code: 'enum', actual: '"AmazonS3Compatible"' })]);
    expect(body('repositories-entity-v13.json').warnings).toEqual([expect.objectContaining({ path: '$.repositories[1].kind', code: 'enum' })]);
  });

  /** Every field path of a value, items merged: what a type's JSON carries, whatever the data. */
  const shape = (v: unknown, at = ''): string[] =>
    Array.isArray(v) ? [...new Set(v.flatMap((x) => shape(x, `${at}[]`)))] : v && typeof v === 'object' && !(v instanceof Date) ? Object.entries(v).flatMap(([k, x]) => [`${at}.${k}`, ...shape(x, `${at}.${k}`)]) : [];

  const PAIRS = ['api', 'backupServers-entity', 'query-BackupTaskSession-entities', 'reports-summary-job_statistics', 'reports-summary-vms_overview', 'repositories-entity'];
  it.each(PAIRS)('%s: the v12 (PascalCase) and v13 (camelCase) captures decode to values of the same shape', (pair) => {
    const v12 = body(`${pair}-v12.json`);
    const v13 = body(`${pair}-v13.json`);
    expect([v12.casing, v13.casing]).toEqual(['PascalCase', 'camelCase']);
    expect(shape(v13.value).sort()).toEqual(shape(v12.value).sort());
  });

  it('decodes the v12 and v13 entry points, the same server answering in both casings, to equal values', () => {
    expect(read('api-v12.json')).not.toEqual(read('api-v13.json'));
    expect(body('api-v13.json').value).toEqual(body('api-v12.json').value);
  });
});
