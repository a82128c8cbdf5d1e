import type { JsonProperty, JsonTypePlan } from './json-plan.js';

/** What the object reader calls back: the reader's bookkeeping, issues and values. */
export interface ReaderCallbacks {
  casing: 'PascalCase' | 'camelCase' | undefined;
  noteCasing(casing: 'PascalCase' | 'camelCase', key: string): void;
  missing(p: JsonProperty, v: null | undefined, key: string | undefined): void;
  property(p: JsonProperty, key: string, v: unknown): unknown;
  unknownKeys(plan: JsonTypePlan, source: Record<string, unknown>): void;
}

/**
 * Reads an object of `plan`: each property looked up by its documented name, then by its camelCase
 * one, the casing noted; absent and null both read as absent.
 *
 * The parsed object becomes the value itself while it can: every key the model's own name of a
 * property (PascalCase), no null, no key the plan does not know. Its values are replaced where they
 * read as something else (a date-time's PreciseDate, a wrapped list's array). At the first property
 * that rules this out, a new object is built from the properties read so far and the rest, in the
 * plan's order. So an EM 12 body is mapped, not copied a second time, and nothing of the body the
 * model does not name reaches the value.
 */
export function readFields(r: ReaderCallbacks, plan: JsonTypePlan, s: Record<string, unknown>): Record<string, unknown> {
  const properties = plan.properties;
  /** The value being built, once `s` cannot be the value. */
  let out: Record<string, unknown> | undefined;
  let found = 0;
  for (let i = 0; i < properties.length; i++) {
    const p = properties[i]!;
    let key = p.name;
    let v = load(p, s, key);
    if (v !== undefined) {
      found++;
      if (r.casing !== 'PascalCase') r.noteCasing('PascalCase', key);
    } else if (p.camel !== p.name) {
      key = p.camel;
      v = load(p, s, key);
      if (v !== undefined) {
        found++;
        if (r.casing !== 'camelCase') r.noteCasing('camelCase', key);
      }
    }
    if (v === undefined || v === null) {
      // A null key must go, and a repeated property is an empty array under its own name.
      if (out === undefined && (v === null || p.repeated)) out = readSoFar(properties, i, s);
      if (p.repeated) out![p.field] = [];
      else if (!p.optional) r.missing(p, v, v === null ? key : undefined);
      continue;
    }
    if (out === undefined && key !== p.field) out = readSoFar(properties, i, s);
    const x = r.property(p, key, v);
    if (out !== undefined) {
      if (x !== undefined) out[p.field] = x;
      else if (p.repeated) out[p.field] = [];
    } else if (x !== undefined && !Object.is(x, v)) s[key] = x;
  }
  if (keyCount(s) > found) {
    r.unknownKeys(plan, s);
    out ??= readSoFar(properties, properties.length, s);
  }
  return out ?? s;
}

/**
 * A new object holding the first `count` properties as read so far in place: each one found was
 * under its field's own name, not null, its value already replaced by what it reads as.
 */
function readSoFar(properties: readonly JsonProperty[], count: number, s: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const p = properties[i]!;
    let v = load(p, s, p.name);
    if (v === undefined && p.camel !== p.name) v = load(p, s, p.camel);
    if (v !== undefined) out[p.field] = v;
  }
  return out;
}

const load = (p: JsonProperty, s: Record<string, unknown>, key: string): unknown => (p.inherited ? own(s, key) : s[key]);

/** An own property only, for names Object.prototype also has (`constructor`, `toString`…). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}
