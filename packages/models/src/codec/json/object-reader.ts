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

const compiled = new WeakMap<JsonTypePlan, ObjectReader>();

/**
 * A function that reads an object of `plan`, compiled once per plan: each property looked up and
 * stored under a constant name, so V8 keeps every access monomorphic (a loop over the plan's
 * properties costs twice as much). The names are the spec's, written as JSON string literals.
 */
export function objectReaderOf(plan: JsonTypePlan): ObjectReader {
  let read = compiled.get(plan);
  if (!read) compiled.set(plan, (read = compile(plan)));
  return read;
}

function compile(plan: JsonTypePlan): ObjectReader {
  const q = JSON.stringify;
  const load = (p: JsonProperty, key: string) => (p.inherited ? `own(s, ${q(key)})` : `s[${q(key)}]`);
  const body = plan.properties.map((p, i) => {
    const other =
      p.camel === p.name
        ? ''
        : ` else { v = ${load(p, p.camel)}; if (v !== undefined) { k = ${q(p.camel)}; found++; if (r.casing !== 'camelCase') r.noteCasing('camelCase', k); } }`;
    const absent = p.repeated ? `out[${q(p.field)}] = [];` : p.optional ? '' : `r.missing(P[${i}], v, k);`;
    return [
      `k = undefined; v = ${load(p, p.name)};`,
      `if (v !== undefined) { k = ${q(p.name)}; found++; if (r.casing !== 'PascalCase') r.noteCasing('PascalCase', k); }${other}`,
      `if (v === undefined || v === null) { ${absent} }`,
      `else { x = r.property(P[${i}], k, v); if (x !== undefined) out[${q(p.field)}] = x;${p.repeated ? ` else out[${q(p.field)}] = [];` : ''} }`,
    ].join('\n');
  });
  const source = `return function read(r, s) {\nconst out = {};\nlet found = 0, v, k, x;\n${body.join('\n')}\nif (keyCount(s) > found) r.unknownKeys(plan, s);\nreturn out;\n};`;
  return new Function('P', 'plan', 'own', 'keyCount', source)(plan.properties, plan, own, keyCount) as ObjectReader;
}

/** An own property only, for names Object.prototype also has (`constructor`, `toString`…). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}
