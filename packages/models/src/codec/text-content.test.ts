import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { builtinModel, decodeIn, decodeJsonIn, encodeIn, encodeJsonIn, JsonShapeError, prng, XmlShapeError, type ApiModel, type CodecIssue, type ScalarType, type XmlTypeMap } from '../index.js';

// A type with text beside its attributes (`text:` in the spec, XSD simpleContent), as job schedules have:
// <Day Name="Sunday">1,1,…</Day>. The value holds the text as `Value`, in XML and in JSON alike.
const NS = 'urn:example:schedules:v1';
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TEXT_SCALARS: ScalarType[] = ['string', 'boolean', 'int', 'long', 'dateTime'];

/** A Schedule of Days whose text is a `scalar`, optional or not. */
const modelOf = (scalar: ScalarType, optional = false): ApiModel => ({
  ...builtinModel,
  api: { ...builtinModel.api, namespace: NS },
  xmlMaps: {
    Schedule: {
      root: 'Schedule',
      attributes: [],
      elements: [{ name: 'Day', type: 'Day', repeated: true, optional: true }],
    },
    Day: {
      attributes: [
        { name: 'Name', scalar: 'string', enum: DAYS, optional: false },
        { name: 'Note', scalar: 'string', optional: true },
      ],
      elements: [],
      text: { name: 'Value', scalar, optional },
    },
  } satisfies Record<string, XmlTypeMap>,
  jsonMaps: {},
});

const SEED = 20_261_208;

/** Integers and picks from the seeded generator. */
interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}
function randomOf(seed: number): Random {
  const next = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)]! };
}
const RUNS = 60;
/** Characters that need escaping, and ones that do not, never white space at the ends (trimmed, as every scalar element's text is). */
const ALPHABET = ['a', 'Z', '0', ',', '&', '<', '>', '"', "'", ' ', 'é', '中', ']]>'];

function textOf(random: Random, scalar: ScalarType): unknown {
  switch (scalar) {
    case 'boolean':
      return random.next() < 0.5;
    case 'int':
      return random.int(-1000, 1000);
    case 'long':
      return random.int(0, 2 ** 52);
    case 'dateTime':
      return new Date(Date.UTC(2020, 0, 1) + random.int(0, 10 ** 6) * 1000);
    default:
      return 'x' + Array.from({ length: random.int(0, 12) }, () => random.pick(ALPHABET)).join('') + 'y';
  }
}

function scheduleOf(random: Random, scalar: ScalarType): { Day: Record<string, unknown>[] } {
  return {
    Day: Array.from({ length: random.int(0, 7) }, () => ({
      Name: random.pick(DAYS),
      ...(random.next() < 0.5 ? { Note: `note ${random.int(0, 9)} & <more>` } : {}),
      Value: textOf(random, scalar),
    })),
  };
}

/** What fast-xml-parser, not our codec, reads as each Day's Name, Note and text. */
function daysByParser(xml: string): { Name: string; Note?: string; text: string }[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (name) => name === 'Day' }).parse(xml);
  return ((doc.Schedule?.Day ?? []) as Record<string, string>[]).map((d) => ({ Name: d['@Name']!, ...(d['@Note'] !== undefined ? { Note: d['@Note'] } : {}), text: d['#text'] ?? '' }));
}

/** The text a scalar is written as, by hand: the oracle does not ask the codec. */
const written = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

describe('a type with text beside its attributes (property, seeded)', () => {
  it.each(TEXT_SCALARS)(`round-trips %s text through XML and JSON, read back by an independent parser as written (seed ${SEED})`, (scalar) => {
    const model = modelOf(scalar);
    const random = randomOf(SEED);
    let days = 0;
    for (let run = 0; run < RUNS; run++) {
      const value = scheduleOf(random, scalar);
      days += value.Day.length;
      const xml = encodeIn(model, 'Schedule', value);
      expect(daysByParser(xml), xml).toEqual(value.Day.map((d) => ({ Name: d.Name, ...(d.Note !== undefined ? { Note: d.Note } : {}), text: written(d.Value) })));
      expect(decodeIn(model, 'Schedule', xml, { strict: true }), xml).toEqual(value);

      const json = encodeJsonIn(model, 'Schedule', value);
      expect(JSON.parse(json), json).toEqual({ Days: value.Day.map((d) => ({ ...d, Value: d.Value instanceof Date ? written(d.Value) : d.Value })) });
      expect(decodeJsonIn(model, 'Schedule', json, { strict: true }), json).toEqual(value);
    }
    expect(days, 'days generated').toBeGreaterThan(RUNS);
  });
});

describe('a type with text beside its attributes', () => {
  const booleans = modelOf('boolean');

  it('reads <Day Name="Sunday">true</Day> as its attributes and its text, as a person reads it', () => {
    const xml = `<s:Schedule xmlns:s="${NS}"><s:Day Name="Sunday">true</s:Day><s:Day Name="Monday"> false </s:Day></s:Schedule>`;
    expect(decodeIn(booleans, 'Schedule', xml, { strict: true })).toEqual({ Day: [{ Name: 'Sunday', Value: true }, { Name: 'Monday', Value: false }] });
  });

  it('reads {"Name":"Sunday","Value":true} in JSON, and EM 13\'s camelCase value', () => {
    expect(decodeJsonIn(booleans, 'Schedule', '{"Days":[{"Name":"Sunday","Value":true}]}')).toEqual({ Day: [{ Name: 'Sunday', Value: true }] });
    expect(decodeJsonIn(booleans, 'Schedule', '{"days":[{"name":"Sunday","value":false}]}')).toEqual({ Day: [{ Name: 'Sunday', Value: false }] });
  });

  it('refuses text that is not its scalar, in strict and lenient mode, saying what came', () => {
    const xml = `<Schedule xmlns="${NS}"><Day Name="Sunday">1,1,0</Day></Schedule>`;
    for (const strict of [true, false]) {
      expect(() => decodeIn(booleans, 'Schedule', xml, { strict })).toThrow(XmlShapeError);
      expect(() => decodeIn(booleans, 'Schedule', xml, { strict })).toThrow("/Schedule/Day[1]: expected 'true' or 'false', got '1,1,0'");
    }
    expect(() => decodeJsonIn(booleans, 'Schedule', '{"Days":[{"Name":"Sunday","Value":"1,1,0"}]}')).toThrow(JsonShapeError);
  });

  it('refuses a required text that is missing, and reads an optional one as absent', () => {
    expect(() => decodeIn(booleans, 'Schedule', `<Schedule xmlns="${NS}"><Day Name="Sunday"/></Schedule>`)).toThrow(XmlShapeError);
    expect(() => decodeJsonIn(booleans, 'Schedule', '{"Days":[{"Name":"Sunday"}]}')).toThrow(/the required Value property/);
    const optional = modelOf('boolean', true);
    expect(decodeIn(optional, 'Schedule', `<Schedule xmlns="${NS}"><Day Name="Sunday"/></Schedule>`)).toEqual({ Day: [{ Name: 'Sunday' }] });
    expect(encodeIn(optional, 'Schedule', { Day: [{ Name: 'Sunday' }] })).toBe(`<Schedule xmlns="${NS}"><Day Name="Sunday"/></Schedule>`);
  });

  it('refuses a child element inside the text in strict mode, and warns of it in lenient mode', () => {
    const xml = `<Schedule xmlns="${NS}"><Day Name="Sunday">true<Hour>3</Hour></Day></Schedule>`;
    expect(() => decodeIn(booleans, 'Schedule', xml, { strict: true })).toThrow(XmlShapeError);
    const warnings: CodecIssue[] = [];
    expect(decodeIn(booleans, 'Schedule', xml, { onWarning: (i) => warnings.push(i) })).toEqual({ Day: [{ Name: 'Sunday', Value: true }] });
    expect(warnings).toEqual([{ path: '/Schedule/Day[1]', expected: 'text only', actual: '<Hour>', code: 'unknown' }]);
  });
});
