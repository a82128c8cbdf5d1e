import { describe, expect, it } from 'vitest';
import { builtinModel, decode, encode, examples, prng, type ElementField, type ModelName, type ScalarField } from '../index.js';

const xmlMaps = builtinModel.xmlMaps;

// Encode must write attributes and elements in the spec's order whatever order a value's keys were
// set in (a body built by hand, a spread, JSON). A decoded value's keys already come in document
// order, so each value is encoded again with its keys shuffled (seeded), at every depth; strict
// decode, which refuses an element out of order, judges the text independently of the encoder.

const SEED = 20_261_207;
const SHUFFLES = 10;

/** A copy of `value` whose objects, at every depth, have their keys in a random order; arrays keep theirs. */
function shuffled(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, random));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, random)]));
}

/** Every object's keys in order, depth first: to see that a shuffle changed something. */
const keyOrder = (value: unknown): string =>
  Array.isArray(value) ? value.map(keyOrder).join() : value !== null && typeof value === 'object' && !(value instanceof Date) ? Object.entries(value).map(([k, v]) => `${k}(${keyOrder(v)})`).join() : '';

function expectOrderFree(type: string, value: unknown, random: () => number): number {
  const text = encode(type as ModelName, value as never);
  expect(decode(type as ModelName, text, { strict: true }), `${type} written in spec order`).toEqual(value);
  let changed = 0;
  for (let n = 0; n < SHUFFLES; n++) {
    const mixed = shuffled(value, random);
    if (keyOrder(mixed) !== keyOrder(value)) changed++;
    expect(encode(type as ModelName, mixed as never), `${type} with its keys shuffled`).toBe(text);
  }
  return changed;
}

const SAMPLE: Record<ScalarField['scalar'], unknown> = {
  string: 'text',
  int: 7,
  long: 9_007_199_254_740_991,
  boolean: true,
  dateTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  guid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  uid: 'urn:veeam:Job:0f8fad5b-d9cb-469f-a165-70867728950e',
  url: 'https://em.test:9398/api/',
};

/** A value of `type` built from its XML map alone: every attribute and element present (optional ones too, to a depth), two of each repeated one. */
function built(type: string, depth = 0): Record<string, unknown> {
  const map = xmlMaps[type]!;
  const out: Record<string, unknown> = {};
  for (const a of map.text ? [...map.attributes, map.text] : map.attributes) out[a.name] = a.enum?.[0] ?? SAMPLE[a.scalar];
  // A choice holds one of its elements.
  for (const e of map.choice ? map.elements.slice(0, 1) : map.elements) {
    if (depth > 3 && !map.choice && (e.optional || e.repeated || e.item !== undefined)) {
      // Decode gives a repeated element an array, even an empty one; a required wrapper list is there, empty.
      if (e.repeated || (e.item !== undefined && !e.optional)) out[e.name] = [];
      continue;
    }
    const one = (): unknown =>
      e.raw ? '<Note>kept as written</Note>' : e.item !== undefined ? [item(e, depth), item(e, depth)] : e.type !== undefined ? built(e.type, depth + 1) : (e.enum?.[0] ?? SAMPLE[e.scalar!]);
    out[e.name] = e.repeated ? [one(), one()] : one();
  }
  return out;
}
const item = (e: ElementField, depth: number): unknown => (e.type !== undefined ? built(e.type, depth + 1) : (e.enum?.[0] ?? SAMPLE[e.scalar!]));

describe('encode writes the spec order whatever the key order of the value (property, seeded)', () => {
  it(`for every documented example, its keys shuffled ${SHUFFLES} times at every depth (seed ${SEED})`, () => {
    const random = prng(SEED);
    let changed = 0;
    for (const ex of examples) changed += expectOrderFree(ex.type, decode(ex.type as ModelName, ex.xml), random);
    expect(changed, 'shuffles that changed a key order').toBeGreaterThan(examples.length * SHUFFLES * 0.9);
  });

  const roots = Object.entries(xmlMaps).filter(([, map]) => map.root !== undefined).map(([type]) => type);
  it.each(roots)('for a %s built from its map, every field present, keys shuffled', (type) => {
    const value = built(type);
    expect(Object.keys(value).length, `${type} has fields to shuffle`).toBeGreaterThan(0);
    expectOrderFree(type, value, prng(SEED));
  });
});
