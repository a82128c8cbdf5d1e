import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModel, decode, MalformedXmlError, operationUrl, TruncatedXmlError, withFormat, type CodecIssue, type ModelName } from '@vbem/models';
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyShape } from './checks/body-shape.js';
import { linksDocumented } from './checks/links-documented.js';
import { exchangeOf } from './test-support/exchange-of.js';

// Bodies people published from their own Enterprise Managers (and the reference's own), beside the
// checkout: ../shared/real-world/xml, never copied into the repository. SOURCES.md says where each is from.
const dir = new URL('../../../shared/real-world/xml/', import.meta.url).pathname;
const present = existsSync(dir);
const SKIP_REASON = 'no ../shared/real-world/xml beside the checkout (CI has it)';
const sources = present ? readFileSync(`${dir}SOURCES.md`, 'utf8') : '';
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : [];
const xmlOf = (file: string) => readFileSync(dir + file, 'utf8');
const rootOf = (xml: string) => /<([A-Za-z]\w*)[\s/>]/.exec(xml.replace(/^\s*<\?[^>]*\?>/, ''))![1]!;
const typeOfRoot = new Map(Object.entries(builtinModel.xmlMaps).flatMap(([type, m]) => (m.root ? [[m.root, type] as const] : [])));

/** Read by hand from SOURCES.md: the bodies their authors cut or pasted broken, and the error each must get. */
const refused: Record<string, typeof MalformedXmlError> = {
  'EntityReferences-BackupServer-1.xml': TruncatedXmlError, // TRUNCATED by author ("... etc etc")
  'Task-2.xml': MalformedXmlError, // four spaces before <?xml ...?>: not well-formed as saved
};
/** Bodies of types the spec does not model yet. */
const notInSpec: Record<string, string> = {};

// Dates compare by instant (a v13 body's microseconds are another change's business).
const plain = (v: unknown): unknown =>
  v instanceof Date ? v.getTime() : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;
const at = (iso: string) => Date.parse(iso);

/** What a person reads off each body, one body per type at least. */
const expected: Record<string, unknown> = {
  'BackupJobSession-2.xml': { Name: 'Fileserver Backup@2014-10-19 05:22:52', JobName: 'Fileserver Backup', JobType: 'Backup', CreationTimeUTC: at('2014-10-19T05:22:52Z'), EndTimeUTC: at('2014-10-19T05:40:48Z'), State: 'Stopped', Result: 'Success', Progress: 100, IsRetry: false },
  'BackupServer-1.xml': { Name: 'srv02.tech.local', Description: '', Port: 9392, Version: '8.0' },
  'BackupTaskSession-1.xml': { VmDisplayName: 'srv04', JobSessionUid: 'urn:veeam:BackupJobSession:d46e39e0-1131-4585-91a7-e828ce7eafae', State: 'Completed', Result: 'Success', Reason: '', TotalSize: 64424509440, EndTimeUTC: at('2014-10-19T05:40:39Z') },
  'CloudFailoverPlan-1.xml': { TenantName: 'ABC Company', CloudFailoverPlanOptions: { PostFailoverPlanCommandEnabled: false, PreFailoverPlanCommand: '' }, CloudFailoverPlanInfo: { Includes: [{ Name: 'srv38', Order: 0 }, { Name: 'srv40', Order: 1 }] } },
  // Abridged: its <Links> hold the author's "...removed", text where links go.
  'CloudTenant-1.xml': { Name: 'AudiEnterprises-FFFTIBI541', Password: '', Enabled: true, LeaseOptions: { Enabled: false }, Resources: [], LastResult: 'Success', LastActive: at('1753-01-01T00:00:00Z'), ComputeResources: [], ThrottlingSpeedUnit: 'Mbps', MaxConcurrentTasks: 1, BackupProtectionPeriod: 1 },
  'CloudFailoverSession-1.xml': { JobType: 'FailoverPlan', CreationTimeUTC: at('2015-12-07T17:38:16Z'), State: 'Stopped', Result: 'Success', Progress: 100, CloudFailoverTasks: [] },
  'EntityReferences-BackupServer-2.xml': {
    Ref: [
      { Type: 'BackupServerReference', Name: 'srv03.tech.local', UID: 'urn:veeam:BackupServer:1eb5b858-e557-43b3-8e79-386161b7ea44' },
      { Type: 'BackupServerReference', Name: 'srv02.tech.local', UID: 'urn:veeam:BackupServer:6f17f70a-a61c-4ef0-ac7f-426a6ae1ec8b' },
    ],
  },
  'Error-3.xml': { Message: 'Object reference not set to an instance of an object.', StatusCode: 500, FirstChanceExceptionMessage: 'Object reference not set to an instance of an object.' },
  'Job-2.xml': { Name: 'Immediate Backup Copy Job', JobType: 'ImmediateBackupCopy', Platform: 'CustomPlatform', Description: 'Created by .\\veeamadmin', ScheduleConfigured: true, ScheduleEnabled: true },
  'JobStatisticsReportFrame-4.xml': { ScheduledJobs: 2, TotalJobRuns: 12, SuccessfulJobRuns: 7, FailedJobRuns: 5, MaxJobDuration: 2160, MaxDurationReplicaJobName: 'Fileserver02 Replication', BackupJobStatusReportLink: 'Workspace/ViewReport.aspx?definition=7962844d-db6c-4d29-8b6e-4e0f7db0785f&ShowParams=1' },
  'LogonSession-2.xml': { UserName: 'SRV12\\Administrator', SessionId: '15a3fc97-0325-4119-b789-5c0367c6c565' },
  'OverviewReportFrame-3.xml': { BackupServers: 2, ProxyServers: 4, RepositoryServers: 6, ScheduledJobs: 2, SuccessfulVmLastestStates: 18 },
  'QueryResult-BackupJobSession-8.xml': {
    Entities: {
      BackupJobSessions: [
        { JobName: 'Periodic Backup Copy Job\\Backup Job 1', JobType: 'ImmediateBackupCopyWorker', Result: 'Failed', IsRetry: true, EndTimeUTC: at('2025-08-16T05:25:01.879Z') },
        { JobName: 'Backup Job 2', Result: 'Success', EndTimeUTC: at('2025-08-15T20:04:13.487Z') },
      ],
    },
  },
  'ReplicaJobSession-1.xml': { JobName: 'Fileserver02 Replication', JobType: 'Replica', EndTimeUTC: at('2014-10-19T07:02:35Z'), Result: 'Success' },
  'Repository-1.xml': { Name: 'Backup Volume 01', Capacity: 1079639011328, FreeSpace: 881812750336, Kind: 'WindowsLocal' },
  'RepositoryReportFrame-2.xml': {
    CapacityPlanningReportLink: 'Workspace/ViewReport.aspx?definition=62221565-102c-4ec8-851b-d61c03d972d1&ShowParams=1', Period: [
      { Name: 'Omega Cloud Vol2', Capacity: 322122547200, FreeSpace: 321163100160, BackupSize: 959447040 },
      { Name: 'NetApp SnapShot', Capacity: -1, FreeSpace: -1, BackupSize: 0 },
      { Name: 'Alpha Repository', Capacity: 10737418240, FreeSpace: 10737418240, BackupSize: 0 },
      { Name: 'Backup Volume 01', Capacity: 1079639011328, FreeSpace: 881812750336, BackupSize: 197826260992 },
      { Name: 'Default Backup Repository', Capacity: 128479916032, FreeSpace: 105921257472, BackupSize: 22558658560 },
      { Name: 'Omega Cloud Vol1', Capacity: 536870912000, FreeSpace: 527646588928, BackupSize: 9224323072 },
    ],
  },
  'RestorePoint-1.xml': { Name: 'Sep 20 2016 \u00A02:59PM', BackupDateUTC: at('2016-09-20T14:59:02.777Z') },
  'SystemSession-1.xml': {
    Name: 'Collect Job @2023-01-27 17:05:52.069837',
    SessionType: 'CollectJob',
    CreationTimeUTC: at('2023-01-27T17:05:52.069Z'),
    EndTimeUTC: at('2023-01-27T17:06:10.491Z'),
    State: 'CompletedSuccessfully',
    Result: { Result: 'CompletedSuccessfully', Message: '', IsCanceled: false },
  },
  'Task-1.xml': { TaskId: 'task-7', State: 'Running', Operation: 'EditCloudTenant' },
  'Task-4.xml': { TaskId: 'task-2', State: 'OperationFinished', Operation: 'StartJob', Result: { Success: true, Message: 'OperationFinished' } },
  'VmRestorePoint-1.xml': { CreationTimeUTC: at('2016-10-06T13:59:50.783Z'), Algorithm: 'Incremental', PointType: 'Increment', HierarchyObjRef: 'urn:HyperV:Vm:757baa80-d19b-4607-a592-98e15d45d9b2.e3e47ce3-ace6-4f06-9aaf-f52cf2e11234' },
  'VmsOverviewReportFrame-4.xml': { ProtectedVms: 6, BackedUpVms: 5, RestorePoints: 11, SourceVmsSize: 70944288914, SuccessBackupPercents: 100 },
};

/** An exchange of some operation the spec documents this body for (with its status and method); of the operation about `entity`, in `format`, if given. */
function exchangeFor(type: string, body: string, about: { entity?: string; format?: string } = {}) {
  for (const op of Object.values(builtinModel.operations)) {
    if (about.entity !== undefined && op.entity !== about.entity) continue;
    for (const r of op.responses) {
      const f = r.formats.find((x) => x.body === type && (about.format === undefined || x.format === about.format));
      if (!f || (r.error && r.status !== 500)) continue;
      const params = Object.fromEntries(op.params.map((p) => [p.name, '475420ee-d045-4493-9869-0a970e08f6f9']));
      const query = Object.fromEntries(op.query.filter((q) => q.const !== undefined).map((q) => [q.name, q.const!]));
      return exchangeOf({ method: op.method, url: withFormat(operationUrl('https://em.test:9398', op, params, query), f.format).href, status: r.status, body });
    }
  }
  throw new Error(`no operation documents a ${type} body`);
}

describe('the real-world XML bodies (../shared/real-world/xml)', () => {
  // Not ours to ship: a clone without them skips, CI (which has them) must not pass by skipping.
  beforeEach((ctx) => {
    if (!present && !process.env.CI) ctx.skip(SKIP_REASON);
  });

  it('marks as cut or broken, in SOURCES.md, exactly the bodies refused here', () => {
    const marked = files.filter((f) => new RegExp(`^\\| ${f.replace('.', '\\.')} \\|[^\\n]*(TRUNCATED|not well-formed as saved)`, 'm').test(sources));
    expect(marked.sort()).toEqual(Object.keys(refused).sort());
  });

  it.each(Object.entries(refused))('refuses %s with a named error', (file, kind) => {
    const xml = xmlOf(file);
    expect(() => decode(typeOfRoot.get(rootOf(xml))! as ModelName, xml)).toThrow(kind);
  });

  it('names only bodies of types the spec does not model as not in it', () => {
    for (const [file, root] of Object.entries(notInSpec)) {
      expect(rootOf(xmlOf(file))).toBe(root);
      expect(typeOfRoot.has(root), `${root} is in the spec now: give ${file} its expected values`).toBe(false);
    }
  });

  const complete = files.filter((f) => !(f in refused) && !(f in notInSpec));

  it('has expected values, read by hand, for one body of each type at least', () => {
    const types = new Set(complete.map((f) => typeOfRoot.get(rootOf(xmlOf(f)))));
    const covered = new Set(Object.keys(expected).map((f) => typeOfRoot.get(rootOf(xmlOf(f)))));
    expect([...types].filter((t) => !covered.has(t))).toEqual([]);
  });

  it.each(complete)('decodes %s leniently, to the values read by hand, and body.shape does not fail it', (file) => {
    const xml = xmlOf(file);
    const type = typeOfRoot.get(rootOf(xml));
    expect(type, `the root <${rootOf(xml)}> of ${file} has a type in the spec`).toBeDefined();
    const warnings: CodecIssue[] = [];
    const value = decode(type as ModelName, xml, { onWarning: (w) => warnings.push(w) });
    if (file in expected) expect(plain(value)).toMatchObject(expected[file] as object);
    const [verdict] = bodyShape.run(exchangeFor(type!, xml), { exchanges: [] });
    expect(verdict!.status, verdict!.message).toBe(warnings.length > 0 ? 'warning' : 'passed');
  });

  it('passes links.documented on a v13 Success session that has no Related link (a link the spec makes optional)', () => {
    const xml = xmlOf('QueryResult-BackupJobSession-8.xml');
    const success = [...xml.matchAll(/<BackupJobSession [\s\S]*?<\/BackupJobSession>/g)].map((m) => m[0]).find((s) => s.includes('<Result>Success</Result>'));
    expect(success, 'the body holds a Success session').toBeDefined();
    expect(success).not.toMatch(/Rel="Related"/);
    // Alone, as the entity it is: the operation whose entity form documents a Related link on this type.
    const alone = success!.replace('<BackupJobSession ', '<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0" ');
    const exchange = exchangeFor('BackupJobSession', alone);
    const [verdict] = linksDocumented.run(exchange, { exchanges: [] });
    expect(verdict).toMatchObject({ status: 'passed', message: '1 carry Up and Alternate and Down and Related' });
    // And the whole query answer, as the query operation that sent it.
    const [whole] = linksDocumented.run(exchangeFor('QueryResult', xml, { entity: 'BackupJobSession', format: 'Entities' }), { exchanges: [] });
    expect(whole?.status, whole?.message).toBe('passed');
  });

  it('lists what the bodies add to the spec (warnings, never failures)', () => {
    const added = complete.flatMap((file) => {
      const xml = xmlOf(file);
      const warnings: CodecIssue[] = [];
      decode(typeOfRoot.get(rootOf(xml))! as ModelName, xml, { onWarning: (w) => warnings.push(w) });
      return warnings.map((w) => `${file} ${w.code} ${w.path} ${w.actual}`);
    });
    // The author's "...removed" in a tenant's links and the reference page's literal "..." in a list (the v13 jobs' link Rel "Sync" is documented now, and their schedules modelled).
    expect(added).toEqual([
      "CloudTenant-1.xml text /CloudTenant/Links text '...removed'",
      "EntityReferences-Job-2.xml text /EntityReferences text '...'",
    ]);
  });
});
