import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSpecDir, loadSpec, SpecError } from './index.js';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the real spec with one file's text changed. */
function specWith(file: string, edit: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'vbem-spec-'));
  copies.push(root);
  const dir = join(root, 'spec');
  cpSync(defaultSpecDir, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadSpec(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message.split('\n');
  }
  throw new Error('expected loadSpec to fail');
}

describe('loadSpec', () => {
  it('loads the real spec', () => {
    const spec = loadSpec();
    expect(spec.operations.map((o) => o.id)).toContain('listCloudFailoverSessions');
    expect(spec.examples.length).toBeGreaterThanOrEqual(9);
  });

  it('names the file, the line and the path of an unknown type, with a suggestion', () => {
    const dir = specWith('resources/cloud-failover-sessions.yaml', (t) => t.replace('body: CloudFailoverSession\n', 'body: CloudFailoverSesion\n'));
    const line = readFileSync(join(dir, 'resources/cloud-failover-sessions.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('CloudFailoverSesion')) + 1;
    expect(problemsOf(dir)).toEqual([
      `spec/resources/cloud-failover-sessions.yaml:${line}: operations.getCloudFailoverSession.responses.200.formats.Entity.body: unknown type 'CloudFailoverSesion' (did you mean 'CloudFailoverSession'?)`,
    ]);
  });

  it.each([
    ['a Type alone', 'Related: RestorePointReference', [{ rel: 'Related', type: 'RestorePointReference' }]],
    ['a when', 'Related: { type: RestorePointReference, when: { Result: [Success, Warning] } }', [{ rel: 'Related', type: 'RestorePointReference', when: { field: 'Result', oneOf: ['Success', 'Warning'] } }]],
    [
      'several Types, optional',
      'Related: { type: [RestorePointReference, VmRestorePoint], optional: true }',
      [
        { rel: 'Related', type: 'RestorePointReference', optional: true },
        { rel: 'Related', type: 'VmRestorePoint', optional: true },
      ],
    ],
  ])('reads a link declared as %s into the representation', (_name, given, want) => {
    const dir = specWith('resources/backup-sessions.yaml', (t) => t.replace('Related: { type: RestorePointReference, when: { Result: [Success, Warning] }, optional: true }', given));
    const entity = loadSpec(dir).operations.find((o) => o.id === 'getBackupSession')!.responses[0]!.formats.find((f) => f.format === 'Entity')!;
    expect(entity.links!.filter((l) => l.rel === 'Related')).toEqual(want);
  });

  it.each([
    ['an unknown key', 'resources/query.yaml', (t: string) => t.replace('    auth: session', '    auth: session\n    retries: 3'), /query\.yaml:\d+: operations\.queryCloudFailoverSessions\.retries: unknown key 'retries'/],
    ['a bad auth kind', 'resources/query.yaml', (t: string) => t.replace('auth: session', 'auth: token'), /query\.yaml:\d+: operations\.queryCloudFailoverSessions\.auth: must be equal to one of the allowed values \(none, basic, session\)/],
    ['an undeclared path parameter', 'resources/backup-servers.yaml', (t: string) => t.replace('path: /backupServers/{id}', 'path: /backupServers/{uid}'), /path parameter '\{uid\}' is not declared in params/],
    ['a JSON list departure other than array', 'resources/common.yaml', (t: string) => t.replace('json: { list: array }', 'json: { list: wrapped }'), /common\.yaml:\d+: types\.Link\.json\.list: must be equal to constant/],
    ['a missing example file', 'resources/entry-point.yaml', (t: string) => t.replace('file: entry-point.xml', 'file: nope.xml'), /entry-point\.yaml:\d+: operations\.getEntryPoint\.examples\.0\.file: no such file spec\/examples\/nope\.xml/],
    ['an unknown entity type', 'resources/backup-servers.yaml', (t: string) => t.replace('entity: BackupServer', 'entity: BackupSrver'), /backup-servers\.yaml:\d+: operations\.\w+\.entity: unknown entity type 'BackupSrver' \(did you mean 'BackupServer'\?\)/],
    ['a query field that reads no field of the entity', 'resources/query.yaml', (t: string) => t.replace('CreationTime: CreationTimeUTC', 'CreationTime: CreatedUTC'), /query\.yaml:\d+: operations\.queryCloudFailoverSessions\.queryFields\.CreationTime: 'CreatedUTC' is neither a field of CloudFailoverSession/],
    ['a refers to an unknown type', 'resources/cloud-failover-sessions.yaml', (t: string) => t.replace('JobName: { type: string, optional: true }', 'JobName: { type: string, optional: true, refers: Jb }'), /types\.CloudFailoverSession\.elements\.JobName\.refers: unknown entity type 'Jb'/],
    ['a rule on a field the type lacks', 'resources/backup-sessions.yaml', (t: string) => t.replace('then: { Result: [None], EndTimeUTC: absent }', 'then: { Result: [None], EndedUTC: absent }'), /backup-sessions\.yaml:\d+: types\.BackupJobSession\.rules\.0: 'EndedUTC' is not a scalar field of the type/],
    ['a rule value its enum lacks', 'resources/backup-sessions.yaml', (t: string) => t.replace('when: { State: [Starting, Stopping, Working, Pausing, Resuming] }', 'when: { State: [Running] }'), /types\.BackupJobSession\.rules\.0: 'Running' is not a value of State \(JobSessionState: Starting/],
    ['a rule making a required field absent', 'resources/backup-sessions.yaml', (t: string) => t.replace('then: { Result: [None], EndTimeUTC: absent }', 'then: { Result: absent }'), /types\.BackupJobSession\.rules\.0: 'Result' is required: it cannot be absent/],
    ['a rule comparing a date-time with text', 'resources/backup-sessions.yaml', (t: string) => t.replace('EndTimeUTC: { notBefore: CreationTimeUTC }', 'EndTimeUTC: { notBefore: JobName }'), /types\.BackupJobSession\.rules\.1: notBefore compares date-times: EndTimeUTC and JobName must both be dateTime/],
    ['a rule comparing numbers with text', 'resources/repositories.yaml', (t: string) => t.replace('FreeSpace: { atMost: Capacity }', 'FreeSpace: { atMost: Name }'), /types\.Repository\.rules\.0: atMost compares numbers: FreeSpace and Name must both be int or long/],
    ['a where naming a field the referred type lacks', 'resources/replica-sessions.yaml', (t: string) => t.replace('where: { JobType: [Replica] }', 'where: { Kind: [Replica] }'), /types\.ReplicaJobSession\.elements\.JobUid\.where: 'Kind' is not a scalar field of Job/],
    ['a where value its enum lacks', 'resources/replica-sessions.yaml', (t: string) => t.replace('where: { JobType: [Replica] }', 'where: { JobType: [Replication] }'), /JobUid\.where: 'Replication' is not a value of Job\.JobType \(JobKind: Backup/],
    ['a where without refers', 'resources/replica-sessions.yaml', (t: string) => t.replace('JobUid: { type: uid, refers: Job, where:', 'JobUid: { type: uid, where:'), /JobUid\.where: where needs refers/],
    ['a task creating an unknown type', 'resources/jobs.yaml', (t: string) => t.replace('creates: [BackupJobSession, ReplicaJobSession] }', 'creates: [BackupJobSession, ReplicaSession] }'), /jobs\.yaml:\d+: operations\.startJob\.task: unknown entity type 'ReplicaSession'/],
    ['a link condition on a field the entity lacks', 'resources/backup-sessions.yaml', (t: string) => t.replace('RestorePointReference, when: { Result:', 'RestorePointReference, when: { Outcome:'), /backup-sessions\.yaml:\d+: operations\.getBackupSession\.responses\.200\.formats\.Entity\.links\.Related\.when: 'Outcome' is not a scalar field of BackupJobSession/],
    ['a link condition value its enum lacks', 'resources/backup-sessions.yaml', (t: string) => t.replace('RestorePointReference, when: { Result: [Success, Warning] }', 'RestorePointReference, when: { Result: [Succeeded] }'), /links\.Related\.when: 'Succeeded' is not a value of Result \(SessionResult: None/],
    ['a link condition on an operation without entity', 'resources/backup-sessions.yaml', (t: string) => t.replace(/(getBackupSession:[^]*?)    entity: BackupJobSession\n/, '$1'), /operations\.getBackupSession\.responses\.200\.formats\.Entity\.links\.Related\.when: a link with when needs the operation's entity/],
    ['an unknown key on a link', 'resources/backup-sessions.yaml', (t: string) => t.replace('{ type: RestorePointReference, when:', '{ type: RestorePointReference, always: false, when:'), /links\.Related\.always: unknown key 'always'/],
    ['a form that is another element\'s name', 'resources/restore-points.yaml', (t: string) => t.replace('BackupDateUTC: { type: dateTime }', 'BackupDateUTC: { type: dateTime, forms: { Ref: RestAPI.xsd } }'), /restore-points\.yaml:\d+: types\.RestorePoint\.elements\.BackupDateUTC\.forms\.Ref: 'Ref' is already <Ref>'s name or form/],
    ['a list item form that is the item\'s own name', 'resources/cloud-failover-plans.yaml', (t: string) => t.replace('forms: { CloudFailoveredVm: RestAPI.xsd }', 'forms: { CloudFailoverPlanVm: RestAPI.xsd }'), /types\.CloudFailoverPlanInfo\.elements\.Includes\.list\.forms\.CloudFailoverPlanVm: 'CloudFailoverPlanVm' is the item's own name/],
    ['a form without where it is documented', 'resources/cloud-failover-plans.yaml', (t: string) => t.replace('forms: { CloudFailoveredVm: RestAPI.xsd }', "forms: { CloudFailoveredVm: '' }"), /Includes\.list\.forms\.CloudFailoveredVm: must NOT have fewer than 1 characters/],
    ['a protocol part naming no operation', 'api.yaml', (t: string) => t.replace('logoff: logoff', 'logoff: logof'), /api\.yaml:\d+: protocol\.logoff: unknown operation 'logof'/],
    ['a YAML syntax error', 'resources/common.yaml', (t: string) => t.replace('  Link:\n', '  Link:\n bad: [\n'), /common\.yaml:\d+: \(file\)/],
  ])('reports %s with file and line', (_name, file, edit, want) => {
    expect(problemsOf(specWith(file, edit)).join('\n')).toMatch(want);
  });
});
