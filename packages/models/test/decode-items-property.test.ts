import { describe, expect, it } from 'vitest';
import { builtinModel as model, decodeIn, decodeItemsIn, encodeIn, listItemOf, XmlCodecError } from '../src/index.js';
import { mutate, prng } from './mutate.js';

// The oracle is the whole-body decode: streamed in chunks cut anywhere (inside a tag, inside a
// multi-byte character), a list gives the same items, and fails only where the whole body fails.

const RUNS = 1_500;
const SEED = Number(process.env.VBEM_PROPERTY_SEED ?? 20_261_207);
const lists = model.examples.filter((ex) => listItemOf(model, ex.type) !== undefined);

/** A list of 0 to 12 items drawn from a documented example, with multi-byte comments between tags. */
function randomList(random: () => number): { type: string; xml: string } {
  const ex = lists[Math.floor(random() * lists.length)]!;
  const item = listItemOf(model, ex.type)!;
  const documented = (decodeIn(model, ex.type, ex.xml) as Record<string, unknown[]>)[item]!;
  const items = documented.length === 0 ? [] : Array.from({ length: Math.floor(random() * 13) }, () => documented[Math.floor(random() * documented.length)]);
  let xml = encodeIn(model, ex.type, { [item]: items });
  for (let k = Math.floor(random() * 4); k > 0; k--) {
    const i = xml.indexOf('>', Math.floor(random() * xml.length));
    if (i !== -1) xml = `${xml.slice(0, i + 1)}<!-- é€😀 -->${xml.slice(i + 1)}`;
  }
  return { type: ex.type, xml };
}

/** The bytes of `xml` in 1 to 8 chunks cut at random byte offsets. */
async function* chunked(xml: string, random: () => number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(xml);
  const cuts = Array.from({ length: Math.floor(random() * 8) }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function streamed(type: string, xml: string, random: () => number): Promise<{ items: unknown[]; error?: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of decodeItemsIn(model, type, chunked(xml, random))) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

function whole(type: string, xml: string): { items?: unknown[]; error?: unknown } {
  try {
    // The bytes streamed, not the string: a lone surrogate of a mutation is sent as U+FFFD.
    return { items: (decodeIn(model, type, new TextEncoder().encode(xml)) as Record<string, unknown[]>)[listItemOf(model, type)!] };
  } catch (error) {
    return { error };
  }
}

describe('decodeItems against the whole-body decode', () => {
  it(`gives the same items for random lists cut into random chunks (seed ${SEED})`, async () => {
    expect(lists.length).toBeGreaterThan(0);
    const random = prng(SEED);
    let nonEmpty = 0;
    for (let n = 0; n < RUNS; n++) {
      const { type, xml } = randomList(random);
      const expected = whole(type, xml);
      expect(expected.error, xml).toBeUndefined();
      const got = await streamed(type, xml, random);
      expect(got.error, xml).toBeUndefined();
      expect(got.items, xml).toEqual(expected.items);
      if (got.items.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it(`fails, with a named error, exactly where the whole body fails, for mutated lists (seed ${SEED})`, async () => {
    const random = prng(SEED + 1);
    let failures = 0;
    for (let n = 0; n < RUNS; n++) {
      const { type, xml: valid } = randomList(random);
      const xml = mutate(valid, random);
      const expected = whole(type, xml);
      const got = await streamed(type, xml, random);
      if (expected.error === undefined) {
        expect(got.error, xml).toBeUndefined();
        expect(got.items, xml).toEqual(expected.items);
      } else {
        failures++;
        expect(got.error, xml).toBeInstanceOf(XmlCodecError);
      }
    }
    expect(failures).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
