import { describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, matchOperation, PreciseDate, ruleApplies, ruleBreaches } from '@vbem/models';
import { admits } from './admits.js';
import { createMockState } from './create-mock-state.js';
import { openLogon, logonById, MAX_LOGONS, closeLogon } from './logons.js';
import { indexOf } from './model-index.js';
import { lastParam } from './last-param.js';

const index = indexOf(model);

/** Every item href (an object with a UID) in the documented response examples of entity operations. */
function documentedIds(): { type: string; id: string; name?: string }[] {
  const out: { type: string; id: string; name?: string }[] = [];
  for (const ex of model.examples) {
    if (ex.request || !ex.operation || !model.operations[ex.operation]?.entity) continue;
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object' || node instanceof Date) return;
      const o = node as Record<string, unknown>;
      // The body's own entity is the one its request named (a page's Href may name another path); nested ones by their Href.
      const named = node === root && ex.params ? Object.values(ex.params)[0] : undefined;
      if (typeof o.UID === 'string' && named !== undefined && index.kind(model.operations[ex.operation!]!) === 'item') out.push({ type: model.operations[ex.operation!]!.entity!, id: named.toLowerCase(), name: o.Name as string });
      else if (typeof o.UID === 'string' && typeof o.Href === 'string') {
        const match = matchOperation('GET', new URL(o.Href), model);
        if (match && index.kind(match.operation) === 'item') out.push({ type: match.operation.entity!, id: Object.values(match.params)[0]!.toLowerCase(), name: o.Name as string });
      }
      Object.values(o).forEach(walk);
    };
    const root = decodeIn(model, ex.type, ex.xml);
    walk(root);
  }
  return out;
}

describe('createMockState', () => {
  it('has a collection for the entity type of every item operation', () => {
    const state = createMockState();
    for (const op of Object.values(model.operations)) if (index.kind(op) === 'item') expect(state.collections.has(op.entity!)).toBe(true);
  });

  it('holds every documented entity with its documented id and name, documented ones first', () => {
    const state = createMockState();
    const ids = documentedIds();
    expect(ids.length).toBeGreaterThan(0);
    for (const { type, id, name } of ids) {
      expect(state.collections.get(type)!.get(id)?.fields.Name, `${type} ${id}`).toBe(name);
      const position = [...state.collections.get(type)!.keys()].indexOf(id);
      expect(position).toBeLessThan(state.collections.get(type)!.size - 8);
    }
  });

  it('generates `entities` per collection, or `counts` for a type', () => {
    const [first] = index.collections;
    const none = createMockState({ entities: 0 });
    const more = createMockState({ entities: 3, counts: { [first!]: 10 } });
    for (const type of index.collections) {
      expect(more.collections.get(type)!.size - none.collections.get(type)!.size).toBe(type === first ? 10 : 3);
    }
  });

  it('gives the same state for the same seed and another for another seed', () => {
    const plain = (seed: number) => JSON.stringify([...createMockState({ seed }).collections].map(([t, c]) => [t, [...c.values()]]));
    expect(plain(5)).toBe(plain(5));
    expect(plain(5)).not.toBe(plain(6));
  });

  it('makes every reference point at an entity that exists, and refers fields agree with it', () => {
    const state = createMockState({ entities: 12 });
    for (const [type, entities] of state.collections) {
      const map = model.xmlMaps[type]!;
      for (const entity of entities.values()) {
        for (const [other, id] of Object.entries(entity.refs)) {
          const target = state.collections.get(other)?.get(id);
          expect(target, `${type} → ${other}`).toBeDefined();
          for (const f of [...map.attributes, ...map.elements].filter((f) => f.refers === other && entity.fields[f.name] !== undefined)) {
            const expected = f.scalar === 'uid' ? `urn:veeam:${other}:${id}` : f.scalar === 'guid' ? id : target!.fields.Name;
            expect(entity.fields[f.name]).toBe(expected);
          }
        }
      }
    }
  });

  it('serves a documented entity form with its documented fields', () => {
    const state = createMockState({ entities: 0 });
    for (const example of model.examples.filter((e) => e.operation && !e.request && e.type === model.operations[e.operation]!.entity)) {
      const value = decodeIn(model, example.type, example.xml) as Record<string, unknown>;
      // The item's own id: its path's last parameter (an item under a parent names the parent first).
      const id = example.params![lastParam(model.operations[example.operation!]!.path)!]!;
      const fields = state.collections.get(example.type)!.get(id)!.fields;
      for (const [key, v] of Object.entries(value).filter(([k]) => !['Href', 'Type', 'UID', 'Links'].includes(k))) expect(fields[key], `${example.file} ${key}`).toEqual(v);
    }
  });

  it('generates values of each field kind (generated entities): enums from the documented values, dates in the 30 days before now', () => {
    const now = new Date('2025-01-14T00:00:00Z');
    const state = createMockState({ now, entities: 20 });
    const documented = createMockState({ now, entities: 0 });
    for (const [type, entities] of state.collections) {
      const map = model.xmlMaps[type]!;
      for (const entity of [...entities.values()].filter((e) => !documented.collections.get(type)!.has(e.id))) {
        for (const f of [...map.attributes, ...map.elements]) {
          const v = entity.fields[f.name];
          if (v === undefined) continue;
          if (f.enum) expect(f.enum).toContain(v);
          if (f.scalar === 'dateTime') expect(now.getTime() - (v as Date).getTime()).toBeLessThanOrEqual(30 * 86_400_000);
          if ((f.scalar === 'int' || f.scalar === 'long') && !f.enum) expect(v).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("refers to entities its fields' where admits (the generated ones; documented ones keep their documented references)", () => {
    const state = createMockState({ entities: 12 });
    const documented = createMockState({ entities: 0 });
    let checked = 0;
    for (const [type, entities] of state.collections) {
      const map = model.xmlMaps[type]!;
      if (![...map.attributes, ...map.elements].some((f) => f.where)) continue;
      for (const entity of [...entities.values()].filter((e) => !documented.collections.get(type)!.has(e.id))) {
        for (const [other, id] of Object.entries(entity.refs)) {
          expect(admits(map, state.collections.get(other)!.get(id)!), `${type} ${entity.id} → ${other} ${id}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("keeps every type's rules in what it generates, and generates each case of each rule", () => {
    const state = createMockState({ entities: 60 });
    const applied = new Map<string, number>();
    for (const [type, entities] of state.collections) {
      for (const entity of entities.values()) {
        expect(ruleBreaches(type, entity.fields), `${type} ${entity.id}`).toEqual([]);
        for (const rule of model.xmlMaps[type]!.rules ?? []) if (ruleApplies(rule, entity.fields)) applied.set(rule.summary + type, (applied.get(rule.summary + type) ?? 0) + 1);
      }
    }
    const ruled = [...state.collections.keys()].flatMap((type) => (model.xmlMaps[type]!.rules ?? []).map((rule) => rule.summary + type));
    expect(ruled.length).toBeGreaterThan(0);
    for (const key of ruled) expect(applied.get(key), key).toBeGreaterThan(0);
  });

  it('lets the default user log on unless users are given', () => {
    expect([...createMockState().users.keys()]).toEqual(['Administrator']);
    expect([...createMockState({ users: { alice: 'x' } }).users.keys()]).toEqual(['alice']);
  });
});

describe('timestamps', () => {
  /** Every date-time in generated fields, nested ones too. */
  const datesIn = (node: unknown): Date[] =>
    node instanceof Date ? [node] : Array.isArray(node) ? node.flatMap(datesIn) : node && typeof node === 'object' ? Object.values(node).flatMap(datesIn) : [];
  const now = new Date('2025-01-14T00:00:00Z');
  const documented = createMockState({ now, entities: 0 });
  const generatedDates = (timestamps: 'milliseconds' | 'microseconds') => {
    const state = createMockState({ now, entities: 20, timestamps });
    return [...state.collections].flatMap(([type, entities]) =>
      [...entities.values()].filter((e) => !documented.collections.get(type)!.has(e.id)).map((e) => ({ type, fields: e.fields, dates: datesIn(e.fields) })),
    );
  };

  it('writes each generated date-time to the microsecond when asked (as EM 13), in the 30 days before now, keeping every rule', () => {
    const entities = generatedDates('microseconds');
    const dates = entities.flatMap((e) => e.dates);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) {
      // The text the codec writes for it.
      expect(d instanceof PreciseDate ? d.text : d.toISOString()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(now.getTime() - d.getTime()).toBeGreaterThanOrEqual(0);
      expect(now.getTime() - d.getTime()).toBeLessThanOrEqual(30 * 86_400_000 + 1000);
    }
    for (const e of entities) expect(ruleBreaches(e.type, e.fields), e.type).toEqual([]);
  });

  it('writes them to the millisecond by default, and the microseconds keep the order of the dates', () => {
    const [ms, micro] = [generatedDates('milliseconds').flatMap((e) => e.dates), generatedDates('microseconds').flatMap((e) => e.dates)];
    expect(ms.map((d) => d.toJSON())).toEqual(ms.map((d) => d.toISOString()));
    expect(micro.length).toBe(ms.length);
    const order = (ds: Date[]) => ds.map((_, i) => i).sort((a, b) => PreciseDate.instantKey(ds[a]!).localeCompare(PreciseDate.instantKey(ds[b]!)) || a - b);
    expect(order(micro)).toEqual(order(ms));
  });
});

describe('logon sessions', () => {
  it('keeps at most MAX_LOGONS, dropping the oldest, and finds and ends a session by id', () => {
    const state = createMockState({ entities: 0 });
    const first = openLogon(state, 'a');
    for (let i = 0; i < MAX_LOGONS; i++) openLogon(state, 'a');
    expect(state.logons.size).toBe(MAX_LOGONS);
    expect(logonById(state, first.id)).toBeUndefined();
    const last = [...state.logons.values()].at(-1)!;
    expect(logonById(state, last.id.toUpperCase())).toBe(last);
    closeLogon(state, last);
    expect(logonById(state, last.id)).toBeUndefined();
  });
});
