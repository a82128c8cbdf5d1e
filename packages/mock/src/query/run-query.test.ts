import { describe, expect, it } from 'vitest';
import { operations, successOf } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { queryFields } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { DEFAULT_PAGE_SIZE, runQuery } from './run-query.js';

const state = createMockState({ sessions: 150, seed: 11 });
const all = [...state.failoverSessions.values()];
const formats = successOf(operations.queryCloudFailoverSessions).formats;
const refs = formats.find((f) => f.format === 'Refs')!;
const entities = formats.find((f) => f.format === 'Entities')!;
const at = (query: string) => new URL(`http://127.0.0.1:9399/api/query?type=CloudFailoverSession&${query}`);
const sessionsOf = (query: string) => runQuery(state, at(`format=Entities&pageSize=1000&${query}`), entities).Entities!.CloudFailoverSessions!;

describe('runQuery', () => {
  it('supports every field the spec names for the filter', () => {
    const summary = operations.queryCloudFailoverSessions.query.find((q) => q.name === 'filter')!.summary!;
    const named = /Fields (.*?);/.exec(summary)![1]!.split(', ');
    expect(Object.keys(queryFields)).toEqual(named);
  });

  it('filters with == on an enum case-insensitively', () => {
    expect(sessionsOf('filter=Result==failed').map((s) => s.Result)).toEqual(all.filter((s) => s.Result === 'Failed').map(() => 'Failed'));
  });

  it('compares enums by their ordinal (Failed > Success)', () => {
    const results = new Set(sessionsOf('filter=Result>Success').map((s) => s.Result));
    expect(results).toEqual(new Set(['Warning', 'Failed']));
  });

  it('joins with ; as AND and , as OR', () => {
    const and = sessionsOf('filter=Result==Success;BackupServerName==srv13.tech.local');
    expect(and.length).toBe(all.filter((s) => s.Result === 'Success' && s.backupServerId.startsWith('4ceb4e03')).length);
    const or = sessionsOf('filter=Result==Warning,State==Working');
    expect(or.length).toBe(all.filter((s) => s.Result === 'Warning' || s.State === 'Working').length);
  });

  it('compares names case-insensitively, quoted or not', () => {
    // The documented "UCM Company Full SIte Failover" (sic) and generated "… Full Site Failover" ones.
    const named = all.filter((s) => s.Name.toLowerCase() === 'ucm company full site failover');
    expect(named.map((s) => s.Name)).toContain('UCM Company Full SIte Failover');
    expect(named.length).toBeGreaterThan(1);
    expect(sessionsOf('filter=Name=="ucm company full site failover"').map((s) => s.UID)).toEqual(named.map((s) => expect.stringContaining(s.id)));
    expect(sessionsOf('filter=Name!=UCM Company Full SIte Failover').length).toBe(all.length - named.length);
  });

  it('compares dates as instants, and a running session has no EndTime', () => {
    const since = new Date('2025-01-01T00:00:00Z');
    expect(sessionsOf('filter=CreationTime>=2025-01-01T00:00:00Z').length).toBe(all.filter((s) => s.CreationTimeUTC >= since).length);
    expect(sessionsOf('filter=EndTime<2030-01-01').every((s) => s.EndTimeUTC !== undefined)).toBe(true);
  });

  it('sorts ascending and descending by a documented field', () => {
    const desc = sessionsOf('sortDesc=CreationTime').map((s) => s.CreationTimeUTC.getTime());
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const asc = sessionsOf('sortAsc=Name').map((s) => s.Name.toLowerCase());
    expect(asc).toEqual([...asc].sort());
  });

  it('pages with PagingInfo and First, Previous, Next and Last links', () => {
    const page = runQuery(state, at('pageSize=20&page=2'), refs);
    expect(page.Refs).toHaveLength(20);
    expect(page.PagingInfo).toMatchObject({ PageNum: 2, PageSize: 20, PagesCount: Math.ceil(all.length / 20) });
    expect(page.PagingInfo.Links!.map((l) => [l.Rel, new URL(l.Href).searchParams.get('page')])).toEqual([
      ['First', '1'],
      ['Previous', '1'],
      ['Next', '3'],
      ['Last', String(Math.ceil(all.length / 20))],
    ]);
    expect(new URL(page.PagingInfo.Links![0]!.Href).searchParams.get('pageSize')).toBe('20');
  });

  it('uses pages of 100 by default, as real servers do', () => {
    const first = runQuery(state, at(''), refs);
    expect(first.Refs).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(first.PagingInfo.Links!.map((l) => l.Rel)).toEqual(['First', 'Next', 'Last']);
  });

  it.each(['filter=Colour==red', 'filter=Result==Exploded', 'filter=CreationTime>yesterday', 'sortAsc=Colour', 'pageSize=0', 'page=-1'])(
    'refuses %s',
    (query) => {
      expect(() => runQuery(state, at(query), refs)).toThrow(QuerySyntaxError);
    },
  );
});
