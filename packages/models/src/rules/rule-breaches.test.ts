import { describe, expect, it } from 'vitest';
import { builtinModel, decodeIn, examples, linkRequired, ruleBreaches } from '../index.js';
import { example } from '../../test/fixtures.js';

const running = example('cloud-failover-session.running.xml');
const ended = example('backup-job-session.entity.xml');

describe('ruleBreaches', () => {
  it.each(examples.filter((e) => !e.request).map((e) => [e.file, e] as const))('finds none in the documented %s', (_file, ex) => {
    expect(ruleBreaches(ex.type, decodeIn(builtinModel, ex.type, ex.xml))).toEqual([]);
  });

  it('finds a running session with a result and an end time', () => {
    const value = decodeIn(builtinModel, running.type, running.xml) as Record<string, unknown>;
    expect(value.State).toBe('Working');
    const breaches = ruleBreaches(running.type, { ...value, Result: 'Failed', EndTimeUTC: new Date('2026-11-30T00:00:00Z') });
    expect(breaches.map((b) => [b.path, b.expected, b.actual])).toEqual([
      ['/CloudFailoverSession', 'Result None', 'Result Failed'],
      ['/CloudFailoverSession', 'no EndTimeUTC', 'EndTimeUTC 2026-11-30T00:00:00.000Z'],
    ]);
    expect(breaches[0]!.rule).toBe('A session that is still running has no result and no end time yet. (State Working)');
  });

  it('finds an ended session without its result, or ending before it began', () => {
    const value = decodeIn(builtinModel, ended.type, ended.xml) as Record<string, unknown>;
    expect(value.State).toBe('Stopped');
    const before = new Date((value.CreationTimeUTC as Date).getTime() - 1000);
    expect(ruleBreaches(ended.type, { ...value, Result: 'None', EndTimeUTC: before }).map((b) => b.expected)).toEqual([
      'Result one of Success, Warning, Failed',
      'EndTimeUTC not before CreationTimeUTC',
    ]);
    expect(ruleBreaches(ended.type, { ...value, EndTimeUTC: undefined }).map((b) => b.actual)).toEqual([`EndTimeUTC none, CreationTimeUTC ${(value.CreationTimeUTC as Date).toISOString()}`]);
  });

  it('looks into nested objects and lists, naming where', () => {
    const value = decodeIn(builtinModel, running.type, running.xml) as { CloudFailoverTasks?: Record<string, unknown>[] };
    const tasks = value.CloudFailoverTasks ?? [];
    expect(tasks.length).toBeGreaterThan(0);
    const broken = { ...value, CloudFailoverTasks: tasks.map((t, i) => (i === tasks.length - 1 ? { ...t, State: 'Stopped', Result: 'None' } : t)) };
    expect(ruleBreaches(running.type, broken).map((b) => b.path)).toContain(`/CloudFailoverSession/CloudFailoverTasks/CloudFailoverTasks[${tasks.length}]`);
  });

  it('applies a rule without when to every object, comparing numbers with atMost', () => {
    const repository = { Name: 'r', UID: 'urn:veeam:Repository:1', Capacity: 100, FreeSpace: 101 };
    expect(ruleBreaches('Repository', repository)).toEqual([
      { path: '/Repository', rule: 'A repository has no more free space than its capacity.', expected: 'FreeSpace at most Capacity', actual: 'FreeSpace 101, Capacity 100' },
    ]);
    expect(ruleBreaches('Repository', { ...repository, FreeSpace: 100 })).toEqual([]);
  });
});

describe('linkRequired', () => {
  const when = { field: 'State', oneOf: ['Stopped'] };
  it('requires a link without when or optional on every carrier', () => {
    expect(linkRequired({ rel: 'Up', type: 'Parent' }, {})).toBe(true);
  });
  it('requires a conditional link only where its field holds one of its values', () => {
    expect(linkRequired({ rel: 'Related', type: 'Made', when }, { State: 'Stopped' })).toBe(true);
    expect(linkRequired({ rel: 'Related', type: 'Made', when }, { State: 'Working' })).toBe(false);
  });
  it('does not require a conditional link on a carrier without the field (a reference)', () => {
    expect(linkRequired({ rel: 'Related', type: 'Made', when }, { UID: 'urn:veeam:Thing:1' })).toBe(false);
  });
  it('never requires an optional link', () => {
    expect(linkRequired({ rel: 'Related', type: 'Made', optional: true }, { State: 'Stopped' })).toBe(false);
  });
});
