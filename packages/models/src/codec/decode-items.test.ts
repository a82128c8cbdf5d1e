import { describe, expect, it } from 'vitest';
import { builtinModel as model } from '../model.js';
import { decodeIn } from './decode.js';
import { decodeItemsIn } from './decode-items.js';
import { BodyTooLargeError, MalformedXmlError, RootElementError, TruncatedXmlError, type CodecIssue } from './errors.js';
import { encodeIn } from './encode.js';
import { listItemOf } from './list-item.js';

// A documented list example of the model, grown to a few items: no resource named here.
const ex = model.examples.find((e) => listItemOf(model, e.type) !== undefined && (decodeIn(model, e.type, e.xml) as Record<string, unknown[]>)[listItemOf(model, e.type)!]!.length > 0)!;
const item = listItemOf(model, ex.type)!;
const one = (decodeIn(model, ex.type, ex.xml) as Record<string, unknown[]>)[item]![0];
const xml = encodeIn(model, ex.type, { [item]: [one, one, one] });

async function* pieces(...texts: string[]): AsyncGenerator<Uint8Array> {
  for (const t of texts) yield new TextEncoder().encode(t);
}

async function collect(chunks: AsyncIterable<Uint8Array>, options = {}): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const value of decodeItemsIn(model, ex.type, chunks, options)) items.push(value);
  return items;
}

describe('decodeItems', () => {
  it('yields each item as soon as its end tag has come, before the rest of the body', async () => {
    const secondItem = xml.indexOf(`<${item}`, xml.indexOf(`<${item}`) + 1);
    let pulled = 0;
    const stream = (async function* () {
      for (const t of [xml.slice(0, secondItem), xml.slice(secondItem)]) {
        pulled++;
        yield new TextEncoder().encode(t);
      }
    })();
    const iterator = decodeItemsIn(model, ex.type, stream);
    expect((await iterator.next()).value).toEqual(one);
    expect(pulled).toBe(1);
    await iterator.return(undefined);
  });

  it('refuses a wrong root as soon as its start tag has come, without reading on', async () => {
    const wrong = xml.replace(new RegExp(`^<${ex.type}|</${ex.type}>$`, 'g'), (m) => m.replace(ex.type, 'Other'));
    let pulled = 0;
    const stream = (async function* () {
      for (const t of [wrong.slice(0, wrong.indexOf('>') + 1), wrong.slice(wrong.indexOf('>') + 1)]) {
        pulled++;
        yield new TextEncoder().encode(t);
      }
    })();
    await expect(collect(stream)).rejects.toBeInstanceOf(RootElementError);
    expect(pulled).toBe(1);
  });

  it('fails with TruncatedXmlError for a body cut after any item, the items before it yielded', async () => {
    const ends = [...xml.matchAll(new RegExp(`</${item}>`, 'g'))].map((m) => m.index + m[0].length);
    for (const [i, end] of ends.entries()) {
      const items: unknown[] = [];
      const error = await (async () => {
        for await (const value of decodeItemsIn(model, ex.type, pieces(xml.slice(0, end)))) items.push(value);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TruncatedXmlError);
      expect(items).toHaveLength(i + 1);
    }
  });

  it('reports each addition once, at the path of its item, as the whole-body decode does', async () => {
    const third = xml.split(`<${item} `).map((part, i) => (i === 3 ? `Extra="1" ${part}` : part)).join(`<${item} `);
    const withAdditions = third.replace(/>/, ' Outer="1">');
    const whole: CodecIssue[] = [];
    decodeIn(model, ex.type, withAdditions, { onWarning: (issue) => whole.push(issue) });
    const streamed: CodecIssue[] = [];
    await collect(pieces(withAdditions), { onWarning: (issue: CodecIssue) => streamed.push(issue) });
    expect(whole.map((i) => i.path)).toEqual([`/${ex.type}/@Outer`, `/${ex.type}/${item}[3]/@Extra`]);
    expect(streamed.map((i) => i.path).sort()).toEqual(whole.map((i) => i.path).sort());
  });

  it('refuses a body whose first tag names no element (`< x`) with MalformedXmlError, not a TypeError', async () => {
    await expect(collect(pieces(`< xmlns=""${xml.slice(1)}`))).rejects.toBeInstanceOf(MalformedXmlError);
  });

  it('refuses a single item longer than maxBytes, whatever the length of the list', async () => {
    const big = encodeIn(model, ex.type, { [item]: Array.from({ length: 50 }, () => one) });
    expect(await collect(pieces(big), { maxBytes: xml.length })).toHaveLength(50);
    await expect(collect(pieces(big), { maxBytes: 100 })).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
