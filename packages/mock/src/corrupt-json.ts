import { encodeJsonIn, type ApiModel, type KeyCasing } from '@vbem/models';
import type { Corruption } from './fault.js';
import { scalarSlots } from './json-slots.js';

/** Marks a member to leave out of the JSON altogether (not even as null). */
const LEFT_OUT = '\u0000vbem-mock:left-out';

/**
 * The JSON of a model value (`value` is the caller's copy: it is changed) broken in the JSON-level
 * ways asked; a body without what a corruption needs (no number, no list) is left as it is.
 * @example corruptJson(model, 'ErrorBody', { Message: 'm', StatusCode: 400 }, style, new Set(['json-wrong-type'])) // '{"Message":"m","StatusCode":"400"}'
 */
export function corruptJson(model: ApiModel, type: string, value: unknown, style: { casing: KeyCasing; nulls: boolean }, corruptions: ReadonlySet<Corruption>): string {
  if (corruptions.has('json-wrong-type')) wrongType(model, type, value);
  if (corruptions.has('json-missing-required')) {
    const slot = [...scalarSlots(model, type, value)].find((s) => !s.optional);
    if (slot) slot.holder[slot.field] = LEFT_OUT;
  }
  const text = encodeJsonIn(model, type, value, style);
  if (![...corruptions].some((c) => c === 'json-missing-required' || c === 'json-unwrapped-list' || c === 'json-array-as-object' || c === 'json-mixed-casing')) return text;
  const parse = (json: string) => JSON.parse(json, (_key, v: unknown) => (v === LEFT_OUT ? undefined : v)) as Json;
  const tree = parse(text);
  // First, while the tree has the shape of its other-casing twin.
  if (corruptions.has('json-mixed-casing')) {
    mixCasing(tree, parse(encodeJsonIn(model, type, value, { ...style, casing: style.casing === 'camelCase' ? 'PascalCase' : 'camelCase' })));
  }
  if (corruptions.has('json-unwrapped-list')) unwrapList(tree);
  if (corruptions.has('json-array-as-object')) arrayAsObject(tree);
  return JSON.stringify(tree);
}

/** The first number or boolean sent as its text (`"StatusCode":"400"`); without one, the first string as an object (`{"Value":"…"}`). */
function wrongType(model: ApiModel, type: string, value: unknown): void {
  const slots = [...scalarSlots(model, type, value)];
  const typed = slots.find((s) => s.scalar === 'int' || s.scalar === 'long' || s.scalar === 'boolean');
  if (typed) typed.holder[typed.field] = String(typed.holder[typed.field]);
  else if (slots[0]) slots[0].holder[slots[0].field] = { Value: slots[0].holder[slots[0].field] };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object of the tree with its members, depth first in document order. */
function* objects(v: unknown): Generator<Json> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x);
  else if (isObject(v)) {
    yield v;
    for (const key in v) yield* objects(v[key]);
  }
}

/** The first list wrapped twice (`"Refs":{"Refs":[…]}`) sent bare (`"Refs":[…]`). */
function unwrapList(tree: Json): void {
  for (const o of objects(tree)) {
    for (const key in o) {
      const v = o[key];
      if (isObject(v) && Object.keys(v).length === 1 && Array.isArray(v[key])) return void (o[key] = v[key]);
    }
  }
}

/** The first non-empty array sent as its first item alone. */
function arrayAsObject(tree: Json): void {
  for (const o of objects(tree)) {
    for (const key in o) {
      const v = o[key];
      if (Array.isArray(v) && v.length > 0) return void (o[key] = v[0]);
    }
  }
}

/**
 * The last key of the body's last object in the other casing, named as the same value's JSON in
 * that casing names it (`Type` → `type`, `uid` → `UID`); never the first key the codec reads.
 */
function mixCasing(tree: Json, twin: Json): void {
  const mine = [...objects(tree)];
  const theirs = [...objects(twin)];
  if (mine.reduce((n, o) => n + Object.keys(o).length, 0) < 2) return;
  for (let i = mine.length - 1; i >= 0; i--) {
    const keys = Object.keys(mine[i]!);
    const key = keys.at(-1);
    if (key === undefined) continue;
    const other = Object.keys(theirs[i] ?? {}).at(-1);
    if (other === undefined || other === key) return;
    // Rebuilt so the renamed key keeps its place.
    const entries = Object.entries(mine[i]!);
    for (const k of keys) delete mine[i]![k];
    for (const [k, v] of entries) mine[i]![k === key ? other : k] = v;
    return;
  }
}
