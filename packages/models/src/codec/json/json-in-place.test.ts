import { describe, expect, it } from 'vitest';
import { decode, decodeJson, encodeJson, type CodecIssue, type ModelName } from '../../index.js';
import { example } from '../../../test/fixtures.js';

// The decoder keeps a parsed object as the value while its keys are the model's own, and builds a
// new one from the first key that rules that out (see readFields). Whichever way an object is read,
// and wherever in it that key comes, the value must be the same: here a key the model does not
// know, the same with null, and a key in camelCase are put at every place of every object of a
// documented body (PascalCase, as EM 12 writes it).

type Json = Record<string, unknown>;

/** Every object of a parsed JSON value, the value itself first. */
function objectsOf(v: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(v)) for (const x of v) objectsOf(x, found);
  else if (v !== null && typeof v === 'object') {
    found.push(v as Json);
    for (const x of Object.values(v)) objectsOf(x, found);
  }
  return found;
}

/** The camelCase of a key of one leading capital (`Name` → `name`); others are left alone here. */
const camel = (key: string) => (/^[A-Z][a-z]/.test(key) ? key.charAt(0).toLowerCase() + key.slice(1) : key);

/** The keys of `o` with `extra` put at `at`, or the key at `at` renamed. */
const CHANGES: [string, (o: Json, at: number) => [string, unknown][] | undefined][] = [
  ['a key the model does not know', (o, at) => insert(o, at, ['Unlisted', { Nested: [1] }])],
  ['a key the model does not know, null', (o, at) => insert(o, at, ['Unlisted', null])],
  ['a key in camelCase', (o, at) => (at < Object.keys(o).length && camel(Object.keys(o)[at]!) !== Object.keys(o)[at] ? Object.entries(o).map(([k, v], i) => [i === at ? camel(k) : k, v]) : undefined)],
];

function insert(o: Json, at: number, entry: [string, unknown]): [string, unknown][] {
  const entries = Object.entries(o);
  entries.splice(at, 0, entry);
  return entries;
}

describe.each([
  ['CloudFailoverSession', 'cloud-failover-session.running.xml'],
  ['BackupJobSession', 'backup-job-session.entity.xml'],
  ['QueryResult', 'query-cloud-failover-sessions.entities.xml'],
] as const)('a %s body read in place or rebuilt', (type: ModelName, file) => {
  const value = decode(type, example(file).xml);
  const body = encodeJson(type, value as never);

  it.each(CHANGES)('reads the same value with %s at any place of any object, and warns of it', (_change, change) => {
    const objects = objectsOf(JSON.parse(body)).length;
    let cases = 0;
    for (let n = 0; n < objects; n++) {
      const places = Object.keys(objectsOf(JSON.parse(body))[n]!).length;
      for (let at = 0; at <= places; at++) {
        // A fresh parse for each case: the object to change, found again by its index.
        const root = JSON.parse(body) as Json;
        const target = objectsOf(root)[n]!;
        const entries = change(target, at);
        if (entries === undefined) continue;
        for (const key of Object.keys(target)) delete target[key];
        Object.assign(target, Object.fromEntries(entries));
        const warnings: CodecIssue[] = [];
        const text = JSON.stringify(root);
        expect(decodeJson(type, text, { onWarning: (w) => warnings.push(w) }), `object ${n}, place ${at}: ${text}`).toEqual(value);
        if (!text.includes('"Unlisted":null')) expect(warnings.length, text).toBeGreaterThan(0);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(objects);
  });
});
