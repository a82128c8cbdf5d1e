import { describe, expect, it } from 'vitest';
import { builtinModel as model, successOf } from '@vbem/models';
import { createMockState } from '../create-mock-state.js';
import { indexOf } from '../model-index.js';
import type { MockEntity } from '../mock-state.js';
import { queryFieldsOf } from './query-fields.js';
import { QuerySyntaxError } from './query-syntax-error.js';
import { DEFAULT_PAGE_SIZE, runQuery } from './run-query.js';

const state = createMockState({ entities: 150, seed: 11 });
const queries = Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'query');

describe.each(queries.map((op) => [op.id, op] as const))('runQuery of %s', (_id, op) => {
  const all = [...state.collections.get(op.entity!)!.values()];
  const fields = queryFieldsOf(state, op);
  const refs = successOf(op).formats.find((f) => f.format !== 'default' && indexOf(model).map(f.body).elements.some((e) => e.name.toLowerCase() === f.format.toLowerCase() && e.item)) ?? successOf(op).formats[0]!;
  const at = (query: string) => new URL(`http://127.0.0.1:9399/api/query?x=1&${query}`);
  const uidsOf = (query: string) => {
    const page = runQuery(state, op, at(`pageSize=100000&${query}`), refs);
    const holder = Object.values(page).find(Array.isArray) as { UID: string }[] | undefined;
    return (holder ?? []).map((r) => r.UID);
  };
  const uid = (e: MockEntity) => `urn:veeam:${e.type}:${e.id}`;
  const enumField = Object.entries(fields).find(([, f]) => f.kind === 'enum' && (f.values?.length ?? 0) > 1);
  const dateField = Object.entries(fields).find(([, f]) => f.kind === 'date');
  const textField = Object.entries(fields).find(([, f]) => f.kind === 'text' && all.some((e) => typeof f.get(e) === 'string'));

  it('knows every field of queryFields, and reads each from the entity or the entity it refers to', () => {
    expect(Object.keys(fields)).toEqual(Object.keys(op.queryFields!));
    for (const f of Object.values(fields)) expect(all.some((e) => f.get(e) !== undefined)).toBe(true);
  });

  if (enumField) it('filters with == on an enum case-insensitively, and compares enums by their ordinal', () => {
    const [name, field] = enumField!;
    const value = field.values![1]!;
    expect(uidsOf(`filter=${name}==${value.toLowerCase()}`)).toEqual(all.filter((e) => field.get(e) === value).map(uid));
    expect(uidsOf(`filter=${name}>${value}`)).toEqual(all.filter((e) => field.values!.indexOf(field.get(e) as string) > 1).map(uid));
  });

  if (enumField && textField) it('joins with ; as AND and , as OR', () => {
    const [en, ef] = enumField!;
    const [tn, tf] = textField!;
    const v = ef.values![0]!;
    const t = String(tf.get(all.find((e) => tf.get(e) !== undefined)!));
    expect(uidsOf(`filter=${en}==${v};${tn}=="${t}"`)).toEqual(all.filter((e) => ef.get(e) === v && String(tf.get(e)).toLowerCase() === t.toLowerCase()).map(uid));
    expect(uidsOf(`filter=${en}==${v},${tn}=="${t}"`)).toEqual(all.filter((e) => ef.get(e) === v || String(tf.get(e)).toLowerCase() === t.toLowerCase()).map(uid));
  });

  if (dateField) it('compares dates as instants and sorts by them both ways', () => {
    const [name, field] = dateField!;
    const since = new Date('2025-01-01T00:00:00Z');
    expect(uidsOf(`filter=${name}>=2025-01-01T00:00:00Z`)).toEqual(all.filter((e) => (field.get(e) as Date | undefined)?.getTime()! >= since.getTime()).map(uid));
    const desc = uidsOf(`sortDesc=${name}`).map((u) => (field.get(all.find((e) => uid(e) === u)!) as Date | undefined)?.getTime() ?? -Infinity);
    const present = desc.filter((t) => t !== -Infinity);
    expect(present).toEqual([...present].sort((a, b) => b - a));
  });

  it('pages with PagingInfo and First, Previous, Next and Last links', () => {
    const page = runQuery(state, op, at('pageSize=20&page=2'), refs) as { PagingInfo: { PageNum: number; PagesCount: number; Links: { Rel: string; Href: string }[] } };
    expect(page.PagingInfo).toMatchObject({ PageNum: 2, PageSize: 20, PagesCount: Math.ceil(all.length / 20) });
    expect(page.PagingInfo.Links.map((l) => [l.Rel, new URL(l.Href).searchParams.get('page')])).toEqual([
      ['First', '1'],
      ['Previous', '1'],
      ['Next', '3'],
      ['Last', String(Math.ceil(all.length / 20))],
    ]);
  });

  it('uses pages of 100 by default, as real servers do', () => {
    const first = runQuery(state, op, at(''), refs);
    expect((Object.values(first).find(Array.isArray) as unknown[]).length).toBe(Math.min(DEFAULT_PAGE_SIZE, all.length));
  });

  it.each(['filter=NoSuchField==red', 'sortAsc=NoSuchField', 'pageSize=0', 'page=-1'])('refuses %s', (query) => {
    expect(() => runQuery(state, op, at(query), refs)).toThrow(QuerySyntaxError);
  });

  if (enumField) it('refuses a value an enum field cannot hold', () => {
    expect(() => runQuery(state, op, at(`filter=${enumField![0]}==NotAValue`), refs)).toThrow(QuerySyntaxError);
  });
});
