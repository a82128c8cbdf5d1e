import { describe, expect, it } from 'vitest';
import { builtinModel, decodeJsonIn, JsonShapeError, PreciseDate, prng, type ElementField, type ScalarField, type ScalarType } from '../../index.js';

// The oracle: values generated from the XML maps, written as JSON by a builder of its own that
// follows spec/README.md's rules (it shares no code with the codec's plans), in a random casing,
// with or without nulls, keys shuffled. The codec must read back exactly the generated value; and
// with one scalar given a value of the wrong JSON type, it must refuse the body naming that path.

const RUNS = 3_000;
const SEED = Number(process.env.VBEM_PROPERTY_SEED ?? 20_261_207);
const maps = builtinModel.xmlMaps;
const plainLists = new Set(Object.entries(builtinModel.jsonMaps ?? {}).flatMap(([type, m]) => (m.list === 'array' ? [type] : [])));

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const hex = (random: Random, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
const guid = (random: Random) => `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`;

function scalar(random: Random, type: ScalarType): unknown {
  switch (type) {
    case 'string':
      return pick(random, ['', 'Fileserver Backup', 'naïve "quoted" \\ back\\slash', '__proto__', 'line\nbreak', '日本語 \u2028', `x${digits(random, 5)}`]);
    case 'int':
      return Math.floor(random() * 2 ** 32) - 2 ** 31;
    case 'long':
      return pick(random, [-1, 0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Math.floor(random() * 2 ** 53)]);
    case 'boolean':
      return random() < 0.5;
    case 'dateTime': {
      const fraction = pick(random, ['', '.7', '.173', '.659559', '.7418767']);
      const zone = pick(random, ['Z', '+13:00', '-05:30']);
      return PreciseDate.fromText(`20${digits(random, 1)}${1 + Math.floor(random() * 9)}-0${1 + Math.floor(random() * 9)}-1${digits(random, 1)}T1${digits(random, 1)}:3${digits(random, 1)}:5${digits(random, 1)}${fraction}${zone}`)!;
    }
    case 'guid':
      return guid(random);
    case 'uid':
      return `urn:veeam:${pick(random, ['Job', 'BackupJobSession', 'Repository'])}:${guid(random)}`;
    case 'url':
      return `https://em${digits(random, 2)}:9398/api/x/${guid(random)}?format=Entity`;
  }
}

const fieldValue = (random: Random, f: ScalarField | ElementField): unknown => (f.enum ? pick(random, f.enum) : scalar(random, f.scalar!));

/** A value of `type` as the decoder returns it: optional fields present or not, lists of 0 to 2 items, shallower with depth. */
function generate(random: Random, type: string, depth = 0): Record<string, unknown> {
  const map = maps[type]!;
  const out: Record<string, unknown> = {};
  const include = (optional: boolean) => !optional || (depth < 3 && random() < 0.6);
  for (const a of map.attributes) if (include(a.optional)) out[a.name] = fieldValue(random, a);
  if (map.text && include(map.text.optional)) out[map.text.name] = fieldValue(random, map.text);
  // A choice holds exactly one of its elements.
  for (const e of map.choice ? [pick(random, map.elements)] : map.elements) {
    const items = () => Array.from({ length: depth < 3 ? Math.floor(random() * 3) : 0 }, () => (e.type !== undefined ? generate(random, e.type, depth + 1) : fieldValue(random, e)));
    if (e.repeated) out[e.name] = items();
    else if (!map.choice && !include(e.optional)) continue;
    else if (e.raw) out[e.name] = pick(random, ['<Note>kept as written</Note>', '']);
    else if (e.item !== undefined) out[e.name] = items();
    else out[e.name] = e.type !== undefined ? generate(random, e.type, depth + 1) : fieldValue(random, e);
  }
  return out;
}

// The builder's own renderings of the rules.
const camel = (name: string) => {
  const run = /^[A-Z]+/.exec(name)?.[0].length ?? 0;
  const keep = run > 1 && run < name.length && /[a-z]/.test(name[run]!) ? run - 1 : run;
  return name.slice(0, keep).toLowerCase() + name.slice(keep);
};
const plural = (name: string) => (name.endsWith('y') && !/[aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`);

interface Style {
  camel: boolean;
  nulls: boolean;
  random: Random;
  /** The scalar slot to give a value of the wrong JSON type (-1: none), and the JSON path it got. */
  breakAt: number;
  count: number;
  broken?: string;
}

const wrongType = (v: unknown) => (typeof v === 'string' || v instanceof Date ? 7 : typeof v === 'number' ? String(v) : 1);

function build(type: string, value: Record<string, unknown>, style: Style, path: string): Record<string, unknown> {
  const map = maps[type]!;
  const key = (name: string) => (style.camel ? camel(name) : name);
  const entries: [string, unknown][] = [];
  const leaf = (v: unknown, at: string) => {
    if (style.count++ === style.breakAt) {
      style.broken = at;
      return wrongType(v);
    }
    return v instanceof PreciseDate ? v.text : v;
  };
  const item = (f: ElementField, v: unknown, at: string) => (f.type !== undefined ? build(f.type, v as Record<string, unknown>, style, at) : leaf(v, at));
  // Text beside the attributes is Value (rule 9); an attribute is named as in the XML.
  for (const a of map.text ? [...map.attributes, map.text] : map.attributes) {
    if (value[a.name] === undefined) entries.push([key(a.name), null]);
    else entries.push([key(a.name), leaf(value[a.name], `${path}.${key(a.name)}`)]);
  }
  for (const e of map.elements) {
    const v = value[e.name];
    const name = builtinModel.jsonMaps?.[type]?.names?.[e.name] ?? (e.repeated ? plural(e.name) : e.name);
    const at = `${path}.${key(name)}`;
    if (v === undefined) entries.push([key(name), null]);
    else if (e.raw) entries.push([key(name), v]);
    else if (e.repeated || (e.item !== undefined && e.type !== undefined && plainLists.has(e.type))) entries.push([key(name), (v as unknown[]).map((x, i) => item(e, x, `${at}[${i}]`))]);
    else if (e.item !== undefined) {
      const inner = key(e.item === e.name ? e.name : plural(e.item));
      entries.push([key(name), { [inner]: (v as unknown[]).map((x, i) => item(e, x, `${at}.${inner}[${i}]`)) }]);
    } else entries.push([key(name), item(e, v, at)]);
  }
  // Absent fields are written as null or left out; the order of keys carries no meaning.
  const kept = entries.filter(([, v]) => v !== null || style.nulls);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(style.random() * (i + 1));
    [kept[i], kept[j]] = [kept[j]!, kept[i]!];
  }
  return Object.fromEntries(kept);
}

describe('the JSON codec against an independent builder, on values generated from the maps', () => {
  const types = Object.keys(maps);

  it(`reads back every generated value, in both casings, with and without nulls, keys shuffled (${RUNS} runs, seed ${SEED})`, () => {
    const random = prng(SEED);
    for (let n = 0; n < RUNS; n++) {
      const type = types[n % types.length]!;
      const value = generate(random, type);
      const style: Style = { camel: random() < 0.5, nulls: random() < 0.5, random, breakAt: -1, count: 0 };
      const text = JSON.stringify(build(type, value, style, '$'));
      let decoded: unknown;
      try {
        decoded = decodeJsonIn(builtinModel, type, text, { strict: true });
      } catch (error) {
        throw new Error(`run ${n} (${type}): ${(error as Error).message}\n${text}`);
      }
      expect(decoded, `run ${n} (${type}): ${text}`).toEqual(value);
    }
  }, 120_000);

  it(`refuses a generated body with one scalar of the wrong JSON type, naming its path (${RUNS} runs, seed ${SEED})`, () => {
    const random = prng(SEED + 1);
    let refused = 0;
    for (let n = 0; n < RUNS; n++) {
      const type = types[n % types.length]!;
      const value = generate(random, type);
      const counting: Style = { camel: random() < 0.5, nulls: false, random: prng(n), breakAt: -1, count: 0 };
      build(type, value, counting, '$');
      if (counting.count === 0) continue;
      const style: Style = { ...counting, random: prng(n), breakAt: Math.floor(random() * counting.count), count: 0 };
      const text = JSON.stringify(build(type, value, style, '$'));
      let outcome: unknown;
      try {
        outcome = decodeJsonIn(builtinModel, type, text);
      } catch (error) {
        outcome = error;
      }
      expect(outcome, `run ${n} (${type}): ${text}`).toBeInstanceOf(JsonShapeError);
      expect((outcome as JsonShapeError).issues.map((i) => i.path), `run ${n} (${type})`).toContain(style.broken);
      refused++;
    }
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
