import type { JsonProperty, JsonTypePlan } from './json-plan.js';

/** What a compiled object reader calls back: the reader's bookkeeping, issues and values. */
export interface ReaderCallbacks {
  casing: 'PascalCase' | 'camelCase' | undefined;
  noteCasing(casing: 'PascalCase' | 'camelCase', key: string): void;
  missing(p: JsonProperty, v: null | undefined, key: string | undefined): void;
  property(p: JsonProperty, key: string, v: unknown): unknown;
  unknownKeys(plan: JsonTypePlan, source: Record<string, unknown>): void;
}

export type ObjectReader = (r: ReaderCallbacks, source: Record<string, unknown>) => Record<string, unknown>;

/**
 * A function that reads an object of `plan`: each property looked up by its documented name, then
 * by its camelCase one, the casing noted; absent and null both read as absent. No code is
 * generated at run time (`new Function` would break under a Content-Security-Policy).
 */
export function objectReaderOf(plan: JsonTypePlan): ObjectReader {
  return (r, s) => {
    const out: Record<string, unknown> = {};
    let found = 0;
    for (const p of plan.properties) {
      let key: string | undefined;
      let v = load(p, s, p.name);
      if (v !== undefined) {
        key = p.name;
        found++;
        if (r.casing !== 'PascalCase') r.noteCasing('PascalCase', key);
      } else if (p.camel !== p.name) {
        v = load(p, s, p.camel);
        if (v !== undefined) {
          key = p.camel;
          found++;
          if (r.casing !== 'camelCase') r.noteCasing('camelCase', key);
        }
      }
      if (v === undefined || v === null) {
        if (p.repeated) out[p.field] = [];
        else if (!p.optional) r.missing(p, v, key);
        continue;
      }
      const x = r.property(p, key as string, v);
      if (x !== undefined) out[p.field] = x;
      else if (p.repeated) out[p.field] = [];
    }
    if (keyCount(s) > found) r.unknownKeys(plan, s);
    return out;
  };
}

const load = (p: JsonProperty, s: Record<string, unknown>, key: string): unknown => (p.inherited ? own(s, key) : s[key]);

/** An own property only, for names Object.prototype also has (`constructor`, `toString`…). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}
