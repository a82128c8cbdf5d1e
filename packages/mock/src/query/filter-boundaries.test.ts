import { describe, expect, it } from 'vitest';
import { builtinModel as model } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import type { MockEntity } from '../mock-state.js';
import { queryPage, queryUrl } from '../test-support/query-page.js';
import type { FilterOperator } from './parse-filter.js';
import { queryFieldsOf, type QueryField } from './query-fields.js';

// Every comparison of every query field, on values entities really have, judged by an oracle that
// reads the raw field (not the fake's comparable/holds): a value equal to an entity's own is the boundary.
// Date-times both ways the fake writes them: to the millisecond, and to the microsecond as EM 13.
const states = { milliseconds: createMockState({ entities: 24, seed: 19 }), microseconds: createMockState({ entities: 24, seed: 19, timestamps: 'microseconds' }) };
const state = states.milliseconds;
const queries = Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'query');
const OPERATORS: readonly FilterOperator[] = ['>=', '<=', '>', '<', '==', '!='];
/** Distinct values tried per field: the smallest, the largest and some between (enough for every enum). */
const VALUES_PER_FIELD = 6;

type Raw = string | number | Date;
/** A date as ISO 8601 in UTC with every digit of its fraction the fake wrote (`.659559Z`), as a client writes it back. */
const dateText = (date: Date) => date.toJSON();
/** A date's instant in microseconds, as fixed-width text (dates after 1970). */
const micros = (date: Date) => {
  const [, fraction = ''] = /\.(\d+)Z$/.exec(dateText(date)) ?? [];
  return (BigInt(Math.floor(date.getTime() / 1000)) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6))).toString().padStart(20, '0');
};
/** The oracle's order of two raw values of a field, by its kind. */
function rank(field: QueryField, value: Raw): number | string {
  if (value instanceof Date) return micros(value);
  if (field.kind === 'number') return Number(value);
  if (field.kind === 'date') return micros(new Date(String(value)));
  if (field.kind === 'enum') return field.values!.map((v) => v.toLowerCase()).indexOf(String(value).toLowerCase());
  return String(value).toLowerCase();
}
function oracle(a: number | string, operator: FilterOperator, b: number | string): boolean {
  const c = a < b ? -1 : a > b ? 1 : 0;
  return { '>=': c >= 0, '<=': c <= 0, '>': c > 0, '<': c < 0, '==': c === 0, '!=': c !== 0 }[operator];
}
/** The value as a client writes it in a filter: a date as the fake serves it (ISO 8601, UTC), quoted. */
const filterText = (value: Raw) => `"${(value instanceof Date ? dateText(value) : String(value)).replaceAll('"', '""')}"`;
const uid = (e: MockEntity) => `urn:veeam:${e.type}:${e.id}`;

function sampleValues(field: QueryField, entities: readonly MockEntity[]): Raw[] {
  const byRank = new Map<string, Raw>();
  for (const e of entities) {
    const v = field.get(e);
    if (v !== undefined) byRank.set(String(rank(field, v)), v);
  }
  const sorted = [...byRank.values()].sort((a, b) => (rank(field, a) < rank(field, b) ? -1 : rank(field, a) > rank(field, b) ? 1 : 0));
  const step = Math.max(1, Math.floor((sorted.length - 1) / (VALUES_PER_FIELD - 1)));
  return sorted.filter((_, i) => i % step === 0 || i === sorted.length - 1);
}

describe.each(queries.flatMap((op) => Object.entries(states).map(([timestamps, state]) => [op.id, timestamps, op, state] as const)))('the filters of %s, date-times to the %s', (_id, _timestamps, op, state) => {
  const all = [...state.collections.get(op.entity!)!.values()];
  const fields = Object.entries(queryFieldsOf(state, op));
  const uidsOf = (filter: string) => queryPage(state, op, queryUrl(state, op, { filter, pageSize: all.length + 1 })).uids;

  it.each(fields.map(([name, field]) => [name, field.kind, field] as const))('%s (%s) returns an entity whose own value equals the one asked for with >= and <= and leaves it out with > and <', (name, _kind, field) => {
    const values = sampleValues(field, all);
    expect(values.length, `some ${op.entity} has a ${name}`).toBeGreaterThan(0);
    for (const value of values) {
      const owners = all.filter((e) => field.get(e) !== undefined && rank(field, field.get(e)!) === rank(field, value)).map(uid);
      for (const operator of ['>=', '<=', '=='] as const) expect(uidsOf(`${name}${operator}${filterText(value)}`), `${name}${operator}${filterText(value)}`).toEqual(expect.arrayContaining(owners));
      for (const operator of ['>', '<', '!='] as const) for (const owner of owners) expect(uidsOf(`${name}${operator}${filterText(value)}`), `${name}${operator}${filterText(value)}`).not.toContain(owner);
    }
  });

  it.each(fields.map(([name, field]) => [name, field.kind, field] as const))('%s (%s) returns exactly the entities each operator admits, in collection order, none without a value except for !=', (name, _kind, field) => {
    for (const value of sampleValues(field, all)) {
      for (const operator of OPERATORS) {
        const want = all.filter((e) => {
          const own = field.get(e);
          return own === undefined ? operator === '!=' : oracle(rank(field, own), operator, rank(field, value));
        });
        expect(uidsOf(`${name}${operator}${filterText(value)}`), `${name}${operator}${filterText(value)}`).toEqual(want.map(uid));
      }
    }
  });
});

it('the model has query fields of every kind the filters compare (dates, numbers, enums, text), so the tables above are not empty', () => {
  const kinds = new Set(queries.flatMap((op) => Object.values(queryFieldsOf(state, op)).map((f) => f.kind)));
  expect([...kinds].sort()).toEqual(['date', 'enum', 'number', 'text']);
});
