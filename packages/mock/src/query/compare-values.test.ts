import { describe, expect, it } from 'vitest';
import { decode, encode, examples, PreciseDate } from '@vbem/models';
import type { MockEntity } from '../mock-state.js';
import { compileFilter } from './compile-filter.js';
import { parseFilter } from './parse-filter.js';
import type { QueryFields } from './query-fields.js';

// EM 13 writes microseconds; a client that read one and filters by it must find the entity again,
// and not the one a millisecond's rounding would confuse it with.
const session = decode('CloudFailoverSession', examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!.xml);
const at = (text: string, id: string): MockEntity => {
  const xml = encode('CloudFailoverSession', session).replace('2015-12-07T17:38:16Z', text);
  return { id, type: 'CloudFailoverSession', fields: { ...decode('CloudFailoverSession', xml) }, refs: {} };
};
const rows = [at('2026-06-16T06:33:10.659Z', 'ms'), at('2026-06-16T06:33:10.659559Z', 'micro'), at('2026-06-16T06:33:10.6595591Z', 'later')];
const fields: QueryFields = { CreationTime: { kind: 'date', get: (row) => row.fields.CreationTimeUTC as Date } };
const matching = (filter: string) => rows.filter(compileFilter(parseFilter(filter), fields)).map((r) => r.id);

describe('the query filter compares date-times to every digit of their fraction', () => {
  it('holds the decoded values it compares (the premise)', () => {
    expect(rows.map((r) => r.fields.CreationTimeUTC)).toEqual(rows.map(() => expect.any(PreciseDate)));
    expect(new Set(rows.map((r) => (r.fields.CreationTimeUTC as Date).getTime())).size).toBe(1);
  });

  it('finds a microsecond value by == on its text, and only it', () => {
    expect(matching('CreationTime==2026-06-16T06:33:10.659559Z')).toEqual(['micro']);
    expect(matching('CreationTime==2026-06-16T06:33:10.659Z')).toEqual(['ms']);
    expect(matching('CreationTime!=2026-06-16T06:33:10.659559Z')).toEqual(['ms', 'later']);
  });

  it('orders the digits beyond the millisecond, the boundary included by >= and <=', () => {
    expect(matching('CreationTime>2026-06-16T06:33:10.659559Z')).toEqual(['later']);
    expect(matching('CreationTime>=2026-06-16T06:33:10.659559Z')).toEqual(['micro', 'later']);
    expect(matching('CreationTime<=2026-06-16T06:33:10.659559Z')).toEqual(['ms', 'micro']);
    expect(matching('CreationTime<2026-06-16T06:33:10.6595590Z')).toEqual(['ms']);
  });
});
