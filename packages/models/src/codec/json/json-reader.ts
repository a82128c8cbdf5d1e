import type { ScalarType } from '../../spec-types.js';
import { choiceDeparture } from '../choice.js';
import { UnsafeJsonError } from '../errors.js';
import type { Issues } from '../issues.js';
import { EXPECTED, parseScalar } from '../scalars.js';
import type { KeyCasing } from './json-names.js';
import type { JsonProperty, JsonTypePlan } from './json-plan.js';
import { readFields, type ReaderCallbacks } from './object-reader.js';

/** Deeper JSON than this is refused, as the XML codec refuses deeper elements: the spec's types nest far less. */
export const MAX_JSON_DEPTH = 64;

/**
 * Makes a typed value of a parsed JSON value, as a type's JSON plan says: properties by key in
 * either casing, null read as absent, scalars by the spec's types. The parsed objects and arrays
 * become the value where they can (see readFields): the parsed value is not used afterwards.
 * Departures become issues located by a JSON path (`$.Refs[2].UID`, 0-based indexes); the path is
 * only spelled out for an issue.
 */
export class JsonReader implements ReaderCallbacks {
  private readonly segments: (string | number)[] = [];
  /** The casing of the first key that told one; a key in the other casing is an issue. */
  casing: KeyCasing | undefined;

  constructor(
    private readonly issues: Issues,
    /** The big integers of the text, in case a long or int was written beyond 2^53. */
    private readonly text: string,
  ) {}

  path(last?: string | number): string {
    let p = '$';
    for (const s of last === undefined ? this.segments : [...this.segments, last]) p += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
    return p;
  }

  readObject(plan: JsonTypePlan, value: unknown): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.wrongType(`an object (${plan.type})`, value);
      return undefined;
    }
    const read = readFields(this, plan, value as Record<string, unknown>);
    if (plan.choice) {
      const departure = choiceDeparture(plan.properties.map((p) => p.name), plan.properties.filter((p) => read[p.field] !== undefined).map((p) => p.name));
      if (departure && this.issues.wants('choice')) this.issues.add({ path: this.path(), ...departure, code: 'choice' });
    }
    return read;
  }

  /** A required property absent or null. */
  missing(p: JsonProperty, v: null | undefined, key: string | undefined): void {
    if (!this.issues.wants('missing')) return;
    const path = this.path(v === null ? key : this.casing === 'camelCase' ? p.camel : p.name);
    this.issues.add({ path, expected: `the required ${p.name} property`, actual: v === null ? 'null' : 'none', code: 'missing' });
  }

  /** The value of a property found under `key`, read with `key` on the path. */
  property(p: JsonProperty, key: string, v: unknown): unknown {
    // A scalar's key goes on the path only for an issue: most properties are scalars.
    if (p.kind === 'scalar') return this.scalar(p.scalar!, p.enumValues, v, key);
    this.segments.push(key);
    const read = this.readProperty(p, v);
    this.segments.pop();
    return read;
  }

  /** The keys of an object the plan does not know: warnings (errors when strict), their values' depth bounded. */
  unknownKeys(plan: JsonTypePlan, source: Record<string, unknown>): void {
    for (const key in source) {
      const known = plan.byKey.get(key);
      const v = source[key];
      if (known !== undefined) {
        // Read under its PascalCase name: this is the same property again, in camelCase.
        if (key === known.property.camel && source[known.property.name] !== undefined && this.issues.wants('unknown')) {
          this.issues.add({ path: this.path(key), expected: `one ${known.property.name} property`, actual: 'a second one, in the other casing', code: 'unknown' });
        }
        continue;
      }
      if (v === null) continue;
      if (this.issues.wants('unknown')) this.issues.add({ path: this.path(key), expected: 'no such property', actual: `"${key}": ${describe(v)}`, code: 'unknown' });
      this.boundDepth(v, key);
    }
  }

  private readProperty(p: JsonProperty, v: unknown): unknown {
    switch (p.kind) {
      case 'scalar':
        return this.scalar(p.scalar!, p.enumValues, v);
      case 'object':
        return this.readObject(p.plan!, v);
      case 'raw':
        // Content the spec does not model: a string as it came, anything else as its JSON text.
        return typeof v === 'string' ? v : JSON.stringify(v);
      case 'array':
        return this.readItems(p, v);
      case 'wrapped': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.wrongType(`an object holding the ${p.inner!.name} array`, v);
          return undefined;
        }
        const inner = v as Record<string, unknown>;
        let items: unknown[] | undefined;
        for (const key in inner) {
          // The item's plural, as EM writes it; the wrapper's own name too, where the two differ and no body shows which.
          const casing = key === p.inner!.name || key === p.name ? 'PascalCase' : key === p.inner!.camel || key === p.camel ? 'camelCase' : undefined;
          if (casing === undefined) {
            if (inner[key] !== null && this.issues.wants('unknown')) this.issues.add({ path: this.path(key), expected: `only the ${p.inner!.name} array`, actual: `"${key}"`, code: 'unknown' });
            continue;
          }
          if (casing !== this.casing) this.noteCasing(casing, key);
          if (inner[key] === null) continue;
          this.segments.push(key);
          items = this.readItems(p, inner[key]);
          this.segments.pop();
        }
        return items ?? [];
      }
    }
  }

  private readItems(p: JsonProperty, v: unknown): unknown[] | undefined {
    if (!Array.isArray(v)) {
      this.wrongType('an array', v);
      return undefined;
    }
    // The array is the list: an item that reads as another value is replaced. Once the body is
    // refused (an item missing or wrong), nothing is returned, whatever the array holds.
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      this.segments.push(i);
      let read: unknown;
      if (item === null) {
        if (this.issues.wants('value')) this.issues.add({ path: this.path(), expected: p.plan ? `an object (${p.plan.type})` : EXPECTED[p.scalar!], actual: 'null', code: 'value' });
      } else read = p.plan ? this.readObject(p.plan, item) : this.scalar(p.scalar!, p.enumValues, item);
      this.segments.pop();
      if (read !== undefined && !Object.is(read, item)) v[i] = read;
    }
    return v;
  }

  private scalar(type: ScalarType, values: ReadonlySet<string> | undefined, v: unknown, last?: string): unknown {
    switch (type) {
      case 'int':
      case 'long':
        if (typeof v === 'number') {
          if (Number.isSafeInteger(v)) return v + 0;
          this.value(type, Number.isInteger(v) ? this.bigInteger(v) : String(v), last);
          return undefined;
        }
        break;
      case 'boolean':
        if (typeof v === 'boolean') return v;
        break;
      default:
        if (typeof v === 'string') {
          const value = parseScalar(type, v);
          if (value === undefined) this.value(type, JSON.stringify(v.slice(0, 60)), last);
          else if (values && !values.has(v) && this.issues.wants('enum')) {
            this.issues.add({ path: this.path(last), expected: `one of ${[...values].join(', ')}`, actual: JSON.stringify(v.slice(0, 60)), code: 'enum' });
          }
          return value;
        }
    }
    this.wrongType(jsonTypeOf(type), v, last);
    return undefined;
  }

  private value(type: ScalarType, actual: string, last?: string): void {
    if (this.issues.wants('value')) this.issues.add({ path: this.path(last), expected: EXPECTED[type], actual, code: 'value' });
  }

  /** JSON.parse rounds an integer beyond 2^53: the digits the server wrote are found in the text. */
  private bigInteger(rounded: number): string {
    for (const m of this.text.matchAll(/-?\d{16,}/g)) if (Number(m[0]) === rounded) return m[0];
    return String(rounded);
  }

  private wrongType(expected: string, v: unknown, last?: string): void {
    if (this.issues.wants('value')) this.issues.add({ path: this.path(last), expected, actual: describe(v), code: 'value' });
  }

  noteCasing(casing: KeyCasing, key: string): void {
    if (this.casing === undefined) this.casing = casing;
    else if (this.issues.wants('casing')) {
      this.issues.add({ path: this.path(key), expected: `${this.casing} keys, as the rest of the body`, actual: `the ${casing} key "${key}"`, code: 'casing' });
    }
  }

  /** A value under an unknown key is not read, but its depth is bounded as the XML codec bounds elements. */
  private boundDepth(v: unknown, key: string): void {
    let level: unknown[] = [v];
    for (let depth = this.segments.length + 1; level.length > 0; depth++) {
      if (depth > MAX_JSON_DEPTH) {
        const issue = { path: this.path(key), expected: `at most ${MAX_JSON_DEPTH} nested levels`, actual: `more below "${key}"`, code: 'unsafe' as const };
        throw new UnsafeJsonError([issue], 'The JSON nests too deeply');
      }
      const next: unknown[] = [];
      for (const x of level) if (typeof x === 'object' && x !== null) for (const k in x) next.push((x as Record<string, unknown>)[k]);
      level = next;
    }
  }
}

const jsonTypeOf = (type: ScalarType) => (type === 'int' || type === 'long' ? 'a JSON number (an integer)' : type === 'boolean' ? 'true or false' : `a JSON string (${EXPECTED[type]})`);

/** A JSON value in a message: its kind and the start of its text. */
function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return `an object {${Object.keys(v).slice(0, 3).join(', ')}${Object.keys(v).length > 3 ? ', …' : ''}}`;
  return typeof v === 'string' ? `the string ${JSON.stringify(v.slice(0, 60))}` : `the ${typeof v} ${String(v)}`;
}
