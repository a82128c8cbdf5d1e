import { XMLParser } from 'fast-xml-parser';
import { decode, type ModelName } from '@vbem/models';
import { referenceList, sessionList } from './documents.js';
import { medianMs } from './measure.js';

const TARGET = 1.5;

/** Decode + validate against fast-xml-parser's plain `parse()` of the same text, in the same run. */
export function benchCodecThroughput(): string[] {
  const plain = new XMLParser();
  // What the codec asks of fast-xml-parser (attributes, document order): the floor under decode's ratio.
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: false, jPath: false, maxNestedTags: 64 });
  const cases: [string, ModelName, string][] = [
    ['EntityReferences, 10,000 Refs', 'EntityReferences', referenceList(10_000)],
    ['CloudFailoverSessions, 2,000 entities', 'CloudFailoverSessions', sessionList(2_000)],
  ];
  const lines = ['codec: decode + validate vs fast-xml-parser parse() (median of 15 runs)'];
  for (const [name, type, xml] of cases) {
    const mb = Buffer.byteLength(xml) / 1e6;
    const baseline = medianMs(() => plain.parse(xml));
    const ours = medianMs(() => decode(type, xml));
    const floor = medianMs(() => ordered.parse(xml));
    const ratio = ours / baseline;
    lines.push(
      `  ${name} (${mb.toFixed(1)} MB): decode ${ours.toFixed(0)} ms = ${(mb / (ours / 1000)).toFixed(1)} MB/s; ` +
        `parse() ${baseline.toFixed(0)} ms = ${(mb / (baseline / 1000)).toFixed(1)} MB/s; ratio ${ratio.toFixed(2)} ` +
        `(target ≤ ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'})`,
      `    of which fast-xml-parser with attributes and order alone: ${floor.toFixed(0)} ms, ratio ${(floor / baseline).toFixed(2)}`,
    );
  }
  return lines;
}
