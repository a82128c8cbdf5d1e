import { describe, expect, it } from 'vitest';
import { decode, encode, examples, validate, type CodecIssue, type ModelName } from '../index.js';
import { example } from '../../test/fixtures.js';

describe.each(examples.map((e) => [e.file, e] as const))('documented example %s', (_file, ex) => {
  const type = ex.type as ModelName;

  it('decodes, validates, and re-encodes to XML that decodes to the same value', () => {
    const value = decode(type, ex.xml);
    expect(() => validate(type, value)).not.toThrow();
    const again = decode(type, encode(type, value as never), { strict: true });
    expect(again).toEqual(value);
  });
});

describe('the seed list (the /cloud/failoverSessions documentation page)', () => {
  const seed = example('cloud-failover-sessions.seed.xml');

  it('decodes to five references with the exact names, hrefs and UIDs of the page', () => {
    const list = decode('EntityReferences', seed.xml);
    expect(list.Ref.map((r) => [r.Name, r.Href, r.UID])).toEqual([
      ['ABC Company Failover Plan', 'http://localhost:9399/api/cloud/failoverSessions/475420ee-d045-4493-9869-0a970e08f6f9', 'urn:veeam:CloudFailoverSession:475420ee-d045-4493-9869-0a970e08f6f9'],
      ['ABC Company Cloud Failover Plan', 'http://localhost:9399/api/cloud/failoverSessions/10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef', 'urn:veeam:CloudFailoverSession:10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef'],
      ['UCM Company Full SIte Failover', 'http://localhost:9399/api/cloud/failoverSessions/030015e0-8f8f-469a-93e1-10b680b46887', 'urn:veeam:CloudFailoverSession:030015e0-8f8f-469a-93e1-10b680b46887'],
      ['ABC Company Failover Plan', 'http://localhost:9399/api/cloud/failoverSessions/15db3c3b-b561-4115-a3e3-24a7bfc50c35', 'urn:veeam:CloudFailoverSession:15db3c3b-b561-4115-a3e3-24a7bfc50c35'],
      ['ABC Company Failover Plan', 'http://localhost:9399/api/cloud/failoverSessions/77becc1b-d82e-46c8-93e7-2b59f6d31192', 'urn:veeam:CloudFailoverSession:77becc1b-d82e-46c8-93e7-2b59f6d31192'],
    ]);
    expect(list.Ref.every((r) => r.Links?.map((l) => l.Rel).join() === 'Up,Alternate')).toBe(true);
  });

  it('warns about the page\'s "..." placeholder in lenient mode and refuses it in strict mode', () => {
    const warnings: CodecIssue[] = [];
    decode('EntityReferences', seed.xml, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.objectContaining({ path: '/EntityReferences', code: 'text', actual: "text '...'" })]);
    expect(() => decode('EntityReferences', seed.xml, { strict: true })).toThrow(/only child elements, got text '\.\.\.'/);
  });
});

describe('the running session example', () => {
  it('keeps Result None, no EndTimeUTC, and the nested task list in order', () => {
    const session = decode('CloudFailoverSession', example('cloud-failover-session.running.xml').xml);
    expect(session.Result).toBe('None');
    expect(session.EndTimeUTC).toBeUndefined();
    expect(session.CreationTimeUTC).toEqual(new Date('2020-05-06T20:29:45.077Z'));
    expect(session.CloudFailoverTasks.map((t) => [t.VmName, t.State, t.Progress])).toEqual([
      ['filesrv03', 'Working', 0],
      ['filesrv04', 'Starting', 0],
    ]);
    expect(session.CloudFailoverTasks[0]?.VmReplicaPointLink.Type).toBe('CloudVmReplicaPointReference');
  });

  it('reads an empty <CloudFailoverTasks /> as an empty list', () => {
    expect(decode('CloudFailoverSession', example('cloud-failover-session.entity.xml').xml).CloudFailoverTasks).toEqual([]);
  });
});
