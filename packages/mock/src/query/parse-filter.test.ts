import { describe, expect, it } from 'vitest';
import { parseFilter, type FilterNode } from './parse-filter.js';
import { QuerySyntaxError } from './query-syntax-error.js';

const cmp = (field: string, operator: string, value: string) => ({ kind: 'compare', field, operator, value });

const cases: [given: string, want: FilterNode | object][] = [
  ['Result==failed', cmp('Result', '==', 'failed')],
  ['State!=Working', cmp('State', '!=', 'Working')],
  ['CreationTime>=2025-01-01T00:00:00Z', cmp('CreationTime', '>=', '2025-01-01T00:00:00Z')],
  ['Result>Success;State==Stopped', { kind: 'and', items: [cmp('Result', '>', 'Success'), cmp('State', '==', 'Stopped')] }],
  ['Result==Failed,Result==Warning', { kind: 'or', items: [cmp('Result', '==', 'Failed'), cmp('Result', '==', 'Warning')] }],
  ['a==1;b==2,c==3', { kind: 'or', items: [{ kind: 'and', items: [cmp('a', '==', '1'), cmp('b', '==', '2')] }, cmp('c', '==', '3')] }],
  ['a==1;(b==2,c==3)', { kind: 'and', items: [cmp('a', '==', '1'), { kind: 'or', items: [cmp('b', '==', '2'), cmp('c', '==', '3')] }] }],
  ['Name=="ABC; Company, ""Inc"""', cmp('Name', '==', 'ABC; Company, "Inc"')],
  ['Name==ABC Company Failover Plan', cmp('Name', '==', 'ABC Company Failover Plan')],
  [' Result == failed ', cmp('Result', '==', 'failed')],
  ['EndTime<"2025-01-13 16:23"', cmp('EndTime', '<', '2025-01-13 16:23')],
];

describe('parseFilter', () => {
  it.each(cases)('parses %s', (given, want) => {
    expect(parseFilter(given)).toEqual(want);
  });

  it.each(['', 'Result', 'Result=Failed', 'Result==Failed;', '(Result==Failed', 'Name=="open', 'Result==Failed)'])('refuses %j with its position', (given) => {
    expect(() => parseFilter(given)).toThrow(QuerySyntaxError);
    expect(() => parseFilter(given)).toThrow(/position \d+/);
  });
});
