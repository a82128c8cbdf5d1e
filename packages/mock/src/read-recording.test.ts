import { builtinModel, operationUrl, successOf } from '@vbem/models';
import { expect, it } from 'vitest';
import { createMockState } from './create-mock-state.js';
import { lastParam } from './last-param.js';
import { indexOf } from './model-index.js';
import { readRecording, RecordingError } from './read-recording.js';
import { serveMock } from './serve-mock.js';

const model = builtinModel;
const index = indexOf(model);
// A collection of the model whose items have an operation of their own: what a recording names.
const list = Object.values(model.operations).find((o) => index.kind(o) === 'list' && o.entity !== undefined && index.itemOperation(o.entity) !== undefined)!;
const type = list.entity!;
const item = index.itemOperation(type)!;
const formats = successOf(item).formats.map((f) => f.format);
const itemUrl = (origin: string, id: string, format: string) => operationUrl(origin, item, { [lastParam(item.path)!]: id }, format === 'default' ? {} : { [model.api.formatParam]: format }, model).href;

/** GETs each URL from a fake served over loopback, as a HAR's entries. */
async function harOf(state: ReturnType<typeof createMockState>, urls: (origin: string) => string[], mediaType = model.api.mediaType) {
  const mock = await serveMock({ state, auth: { enforce: false }, json: { casing: 'camelCase' } });
  try {
    const entries = [];
    for (const url of urls(mock.url)) {
      const response = await fetch(url, { headers: { accept: mediaType } });
      entries.push({ request: { method: 'GET', url }, response: { status: response.status, content: { mimeType: response.headers.get('content-type')!, text: await response.text() } } });
    }
    return { origin: mock.url, entries };
  } finally {
    await mock.close();
  }
}

it("loads a recording's collection with its ids, names and fields, serving each item as recorded under its own base URL", async () => {
  const original = createMockState({ seed: 5, entities: 3 });
  const ids = [...original.collections.get(type)!.keys()];
  const recorded = await harOf(original, (origin) => [operationUrl(origin, list, {}, {}, model).href, ...ids.flatMap((id) => formats.map((f) => itemUrl(origin, id, f)))]);
  // A body cut short: reported and skipped, its entity still named by the list (generated fields, never half of the recorded ones).
  const cut = recorded.entries.at(-1)!;
  cut.response.content.text = cut.response.content.text.slice(0, cut.response.content.text.length / 2);
  const recording = readRecording(JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '0' }, entries: recorded.entries } }));
  expect(recording.skipped).toEqual([{ url: cut.request.url, reason: expect.stringMatching(/Error/) }]);

  const seeded = createMockState({ seed: 99, entities: 3, recording });
  expect([...seeded.collections.get(type)!.keys()]).toEqual(ids);
  expect([...seeded.collections.get(type)!.values()].map((e) => e.fields.Name)).toEqual([...original.collections.get(type)!.values()].map((e) => e.fields.Name));
  // What the recording does not hold is generated as without it.
  const other = [...seeded.collections.keys()].find((t) => t !== type && !recording.bodies.some((b) => JSON.stringify(b.value).includes(t)));
  if (other) expect(seeded.collections.get(other)!.size).toBeGreaterThan(0);

  const served = await harOf(seeded, (origin) => ids.flatMap((id) => formats.map((f) => itemUrl(origin, id, f))));
  for (const [i, entry] of served.entries.entries()) {
    const before = recorded.entries[i + 1]!;
    expect(entry.response.status).toBe(200);
    if (before === cut) expect(entry.response.content.text).not.toBe(before.response.content.text.replaceAll(recorded.origin, served.origin));
    else expect(entry.response.content.text).toBe(before.response.content.text.replaceAll(recorded.origin, served.origin));
  }
}, 60_000);

it('loads bodies recorded in JSON (as a run in both representations records them) like their XML', async () => {
  const original = createMockState({ seed: 5, entities: 3 });
  const ids = [...original.collections.get(type)!.keys()];
  const recorded = await harOf(original, (origin) => ids.map((id) => itemUrl(origin, id, formats.at(-1)!)), 'application/json');
  expect(recorded.entries.every((e) => e.response.content.mimeType.startsWith('application/json'))).toBe(true);
  const recording = readRecording(JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '0' }, entries: recorded.entries } }));
  expect(recording.skipped).toEqual([]);
  const seeded = createMockState({ seed: 99, entities: 3, recording });
  expect([...seeded.collections.get(type)!.values()].map((e) => e.fields.Name)).toEqual([...original.collections.get(type)!.values()].map((e) => e.fields.Name));
}, 60_000);

it('refuses a file that is not an HTTP Archive with a RecordingError saying what it expected', () => {
  expect(() => readRecording('not json')).toThrow(RecordingError);
  expect(() => readRecording('{"log":{}}')).toThrow('expected an HTTP Archive with a log.entries list, got no entries list');
});

it("loads one server's bodies: those of another origin in the same recording are listed skipped", async () => {
  const first = await harOf(createMockState({ seed: 1, entities: 2 }), (origin) => [operationUrl(origin, list, {}, {}, model).href]);
  const second = await harOf(createMockState({ seed: 2, entities: 2 }), (origin) => [operationUrl(origin, list, {}, {}, model).href]);
  const recording = readRecording(JSON.stringify({ log: { entries: [...first.entries, ...second.entries] } }));
  expect(recording.bodies.map((b) => b.url)).toEqual(first.entries.map((e) => e.request.url));
  expect(recording.skipped.map((s) => s.url)).toEqual(second.entries.map((e) => e.request.url));
}, 60_000);
