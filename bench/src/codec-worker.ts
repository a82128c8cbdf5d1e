// One configuration of the codec bench in its own process (own heap, own JIT): the parent sends
// { doc, iterations } and gets the wall time of each run back. Other modes measure peak RSS and
// the hostile bodies, and answer once.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { decode, decodeJson, encode, encodeJson, type ModelName } from '@vbem/models';
import { referenceValue, sessionValue } from './documents.js';
import { legacyEncode } from './legacy-encode.js';

export type Config = 'fxp-parse' | 'decode' | 'encode' | 'legacy-encode' | 'json-parse' | 'json-decode';
export type Doc = 'refs' | 'sessions';
export const DOCS: Record<Doc, { type: ModelName; label: string }> = {
  refs: { type: 'EntityReferences', label: 'EntityReferences, 10,000 Refs' },
  sessions: { type: 'CloudFailoverSessions', label: 'CloudFailoverSessions, 2,000 entities' },
};

const [mode, arg] = process.argv.slice(2) as [string, string | undefined];
const send = (message: unknown) => process.send!(message);

if (mode === 'rss-decode' || mode === 'rss-parse') {
  // The body is read from a file so the peak is the parse's, not the building of the body.
  const xml = readFileSync(arg!, 'utf8');
  const before = process.resourceUsage().maxRSS;
  const result = mode === 'rss-decode' ? decode('EntityReferences', xml, { maxBytes: 2 ** 30 }) : new XMLParser().parse(xml);
  send({ before, after: process.resourceUsage().maxRSS, kept: result ? 1 : 0 });
} else if (mode === 'rss-refusal') {
  // 16 MiB of <Ref/>: millions of issues before the cap, none kept past it, no value built once failed.
  const xml = `<EntityReferences xmlns="http://www.veeam.com/ent/v1.0">${'<Ref/>'.repeat(Math.floor((16 * 1024 * 1024 - 100) / 6))}</EntityReferences>`;
  const before = process.resourceUsage().maxRSS;
  let issues = 0;
  try {
    decode('EntityReferences', xml);
  } catch (error) {
    issues = (error as { issues: unknown[] }).issues.length;
  }
  send({ before, after: process.resourceUsage().maxRSS, kept: issues });
} else if (mode === 'hostile') {
  const { hostileCases } = await import('../../packages/models/test/hostile.js');
  const times: [string, number, string][] = [];
  for (const c of hostileCases) {
    const best: number[] = [];
    let outcome = 'value';
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      try {
        decode('EntityReferences', c.xml);
      } catch (error) {
        outcome = (error as Error).name;
      }
      best.push(performance.now() - started);
    }
    times.push([c.name, Math.min(...best), outcome]);
  }
  send({ times });
} else {
  const config = mode as Config;
  const values = { refs: referenceValue(10_000), sessions: sessionValue(2_000) };
  const texts = { refs: encode('EntityReferences', values.refs), sessions: encode('CloudFailoverSessions', values.sessions) };
  // The JSON of the same values as EM 12 writes it (PascalCase, nulls written out).
  const jsonTexts = { refs: encodeJson('EntityReferences', values.refs, { nulls: true }), sessions: encodeJson('CloudFailoverSessions', values.sessions, { nulls: true }) };
  const parser = new XMLParser();
  const runner = (doc: Doc): (() => unknown) => {
    const { type } = DOCS[doc];
    switch (config) {
      case 'fxp-parse':
        return () => parser.parse(texts[doc]);
      case 'decode':
        return () => decode(type, texts[doc]);
      case 'encode':
        return () => encode(type, values[doc] as never);
      case 'legacy-encode':
        return () => legacyEncode(type, values[doc]);
      case 'json-parse':
        return () => JSON.parse(jsonTexts[doc]);
      case 'json-decode':
        return () => decodeJson(type, jsonTexts[doc]);
    }
  };
  process.on('message', (message: { doc: Doc; iterations: number } | 'exit') => {
    if (message === 'exit') process.exit(0);
    const run = runner(message.doc);
    const times: number[] = [];
    for (let i = 0; i < message.iterations; i++) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
    }
    send({ times });
  });
  send('ready');
}
