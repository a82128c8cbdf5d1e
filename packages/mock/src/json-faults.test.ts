import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, decodeJsonIn, successOf, XmlCodecError, type CodecIssue, type IssueCode } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import type { Corruption } from './fault.js';
import { jsonStyles } from './json-styles.js';
import type { MockServer, ServeMockOptions } from './serve-mock.js';
import { serveForEveryRead, type Read } from './test-support/every-read.js';
import { mockSession } from './test-support/mock-session.js';

const options: ServeMockOptions = { tasks: { runMs: 0 }, state: createMockState({ entities: 2, seed: 5 }) };
let mock: MockServer;
let session: Awaited<ReturnType<typeof mockSession>>;
let reads: Read[];
beforeAll(async () => {
  ({ mock, session, reads } = await serveForEveryRead(model, options));
}, 120_000);
afterEach(() => {
  delete options.faults;
  delete options.json;
});
afterAll(() => mock?.close());

const get = (url: string, accept?: string) => fetch(url, { headers: { [model.api.sessionHeader]: session.token, ...(accept ? { Accept: accept } : {}) } }).then((r) => r.text());
/** Every read's answer, eight requests at a time (hundreds at once reset connections on a busy machine). */
async function getAll(accept?: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < reads.length; i += 8) out.push(...(await Promise.all(reads.slice(i, i + 8).map((r) => get(r.url, accept)))));
  return out;
}
/** Every operation faulted with `corrupt`. */
const corruptEverywhere = (corrupt: Corruption) => (options.faults = Object.fromEntries(Object.keys(model.operations).map((id) => [id, { corrupt }])));
/** The issues strict decoding finds in a JSON body (none when it decodes). */
function strictIssues(read: Read, text: string): readonly CodecIssue[] {
  try {
    decodeJsonIn(model, read.format.body, text, { strict: true });
    return [];
  } catch (error) {
    if (error instanceof XmlCodecError) return error.issues;
    throw error;
  }
}

const members = (v: unknown): [string, unknown][] => (typeof v === 'object' && v !== null ? Object.entries(v) : []);
const hasScalar = (v: unknown): boolean => (typeof v === 'object' && v !== null ? members(v).some(([, x]) => hasScalar(x)) : v !== null && v !== undefined);
const hasListWrappedTwice = (v: unknown): boolean =>
  members(v).some(([key, x]) => (!Array.isArray(v) && members(x).length === 1 && members(x)[0]![0].toLowerCase() === key.toLowerCase() && Array.isArray(members(x)[0]![1])) || hasListWrappedTwice(x));

const hasNonEmptyArray = (v: unknown): boolean => (Array.isArray(v) && v.length > 0) || members(v).some(([, x]) => hasNonEmptyArray(x));
/** Whether leaving out one scalar member of the body makes strict decoding report it missing: tried member by member. */
function hasRequiredScalar(read: Read, tree: unknown): boolean {
  const holders: [Record<string, unknown>, string][] = [];
  const walk = (v: unknown) => {
    for (const [key, x] of members(v)) {
      if (!Array.isArray(v) && x !== null && typeof x !== 'object') holders.push([v as Record<string, unknown>, key]);
      walk(x);
    }
  };
  walk(tree);
  return holders.some(([holder, key]) => {
    const kept = holder[key];
    delete holder[key];
    const missing = strictIssues(read, JSON.stringify(tree)).some((issue) => issue.code === 'missing');
    holder[key] = kept;
    return missing;
  });
}

const jsonCorruptions: [Corruption, IssueCode][] = [
  ['json-wrong-type', 'value'],
  ['json-missing-required', 'missing'],
  ['json-unwrapped-list', 'value'],
  ['json-array-as-object', 'value'],
  ['json-mixed-casing', 'casing'],
];

describe.each(Object.entries(jsonStyles))('JSON corruptions in the style of EM %s', (_version, style) => {
  it.each(jsonCorruptions)('%s breaks the JSON of the answers it finds a place in, and strict decoding reports a %s issue', async (corruption, code) => {
    expect(reads.length).toBeGreaterThan(0);
    options.json = style;
    const clean = await getAll('application/json');
    corruptEverywhere(corruption);
    const broken = await getAll('application/json');
    const untouched: string[] = [];
    for (const [i, read] of reads.entries()) {
      expect(strictIssues(read, clean[i]!), read.url).toEqual([]);
      if (broken[i] === clean[i]) {
        untouched.push(`${read.operation.id} ${read.format.format}`);
        continue;
      }
      expect(JSON.parse(broken[i]!), read.url).toBeTruthy();
      expect(strictIssues(read, broken[i]!).map((issue) => issue.code), `${read.url}\n${broken[i]}`).toContain(code);
    }
    // Each corruption finds a place in most answers; which it cannot break is a fact of their shapes.
    // Untouched only where the body has no place for it (an empty list has no member to break), each place found without the fake's code.
    expect(untouched.length).toBeLessThan(reads.length);
    for (const [i, read] of reads.entries()) {
      if (broken[i] !== clean[i]) continue;
      const tree: unknown = JSON.parse(clean[i]!);
      const place = { 'json-unwrapped-list': hasListWrappedTwice, 'json-array-as-object': hasNonEmptyArray, 'json-missing-required': (t: unknown) => hasRequiredScalar(read, t) }[corruption as string] ?? hasScalar;
      expect(place(tree), `${corruption} found no place in ${read.url}: ${clean[i]}`).toBe(false);
    }
  });
});

describe('which answers a corruption applies to', () => {
  it('leaves XML answers as they are under a JSON corruption, and JSON answers under an XML one', async () => {
    const xml = await getAll();
    const json = await getAll('application/json');
    for (const [corruption] of jsonCorruptions) {
      corruptEverywhere(corruption);
      expect(await getAll()).toEqual(xml);
    }
    for (const corruption of ['wrong-namespace', 'wrong-root', 'swapped-element-order'] as const) {
      corruptEverywhere(corruption);
      expect(await getAll('application/json')).toEqual(json);
    }
  });

  it('breaks JSON answers with the model-level corruptions too (a UID left out is missing in either representation)', async () => {
    corruptEverywhere('missing-uid');
    const issues = (await getAll('application/json')).map((text, i) => strictIssues(reads[i]!, text));
    expect(issues.some((list) => list.some((issue) => issue.code === 'missing' && /UID/i.test(issue.path)))).toBe(true);
  });

  it('reports mixed casing as a warning when decoding leniently', async () => {
    corruptEverywhere('json-mixed-casing');
    const read = reads.find((r) => successOf(r.operation).formats.length > 0)!;
    const warnings: CodecIssue[] = [];
    decodeJsonIn(model, read.format.body, await get(read.url, 'application/json'), { onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.code)).toContain('casing');
  });
});
