import { createHash } from 'node:crypto';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value as a message shows it: dates as their instant (every digit of the fraction read), text quoted. */
const show = (v: unknown): string => (v === undefined ? 'none' : v instanceof Date ? v.toJSON() : JSON.stringify(v));

/** Whether two leaves are the same value: dates by instant, the rest by identity. */
const sameLeaf = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? a.toJSON() === b.toJSON() : a === b);

/**
 * Where two decoded values differ, by path (`/Things/Thing[2]/Name: "a" in XML, "b" in JSON`):
 * the typed values the two codecs build are comparable as they are, since both are compiled from the
 * same maps. A property absent on one side and absent (or null: read as absent) on the other is the same.
 * @example valueDifferences(xmlValue, jsonValue, '/Things') // []
 */
export function valueDifferences(xml: unknown, json: unknown, path: string, max = 10): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (out.length >= max) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return void out.push(`${at}: ${a.length} item(s) in XML, ${b.length} in JSON`);
      a.forEach((item, i) => walk(item, b[i], `${at}[${i + 1}]`));
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${at}/${key}`);
      return;
    }
    if (!sameLeaf(a, b)) out.push(`${at}: ${show(a)} in XML, ${show(b)} in JSON`);
  };
  walk(xml, json, path);
  return out;
}

let unequal = 0;

/**
 * A digest of a decoded value such that two values have the same digest exactly when
 * `valueDifferences` finds nothing between them: what a run keeps of a body to compare it later
 * (absent and undefined properties alike, dates by instant, arrays in order, keys in any order).
 * @example valueDigest(xmlValue) === valueDigest(jsonValue) // the same values
 */
export function valueDigest(value: unknown): string {
  const hash = createHash('sha256');
  let text = '';
  const put = (part: string) => {
    text += part;
    if (text.length > 65_536) (hash.update(text), (text = ''));
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      put('[');
      for (let i = 0; i < v.length; i++) (put(i === 0 ? '' : ','), walk(v[i]));
      return put(']');
    }
    if (v instanceof Date) return put(`D${JSON.stringify(v.toJSON())}`);
    if (isObject(v)) {
      put('{');
      for (const key of Object.keys(v).filter((k) => v[k] !== undefined).sort()) (put(`${JSON.stringify(key)}:`), walk(v[key]), put(','));
      return put('}');
    }
    if (typeof v === 'string') return put(`s${JSON.stringify(v)}`);
    if (typeof v === 'boolean' || typeof v === 'bigint') return put(`${typeof v === 'boolean' ? 'b' : 'i'}${String(v)}`);
    if (typeof v === 'number' && !Number.isNaN(v)) return put(`n${String(v)}`);
    if (v === null) return put('z');
    if (v === undefined) return put('u');
    // NaN, a symbol, a function: the same as nothing but itself (valueDifferences compares leaves by identity).
    put(`!${unequal++}`);
  };
  walk(value);
  hash.update(text);
  return hash.digest('base64');
}
