import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, encode, parseScalar, PreciseDate, prng } from '../index.js';
import { example } from '../../test/fixtures.js';

const V13 = '2026-06-16T06:33:10.659559Z';
const V13_MS = 1_781_591_590_659; // written out: 2026-06-16 06:33:10.659 UTC
const read = (text: string) => parseScalar('dateTime', text) as PreciseDate;

describe('a date-time read from XML keeps every digit of its fraction and stays a Date', () => {
  it('is a Date to the millisecond, with the microseconds kept beside it', () => {
    const date = read(V13);
    expect(date).toBeInstanceOf(Date);
    expect(date).toBeInstanceOf(PreciseDate);
    expect(date.getTime()).toBe(V13_MS);
    expect(date.toISOString()).toBe('2026-06-16T06:33:10.659Z');
    expect(date.text).toBe(V13);
    expect(JSON.stringify({ date })).toBe(`{"date":"${V13}"}`);
  });

  it('writes back the text it was read from, zone and all', () => {
    const entity = example('cloud-failover-session.entity.xml').xml;
    for (const text of [V13, '2015-12-07T17:38:16Z', '2015-12-07T17:38:16.0000000Z', '2015-12-07T23:08:16.1234567+05:30']) {
      const written = encode('CloudFailoverSession', decode('CloudFailoverSession', entity.replace('2015-12-07T17:38:16Z', text)));
      expect(written).toContain(`<CreationTimeUTC>${text}</CreationTimeUTC>`);
    }
  });

  it('reads leap days by the Gregorian calendar, in the years 0 to 99 too', () => {
    for (const day of ['0000-02-29', '0004-02-29', '0096-02-29', '2000-02-29', '2024-02-29']) expect(read(`${day}T12:00:00Z`)?.toISOString(), day).toBe(`${day}T12:00:00.000Z`);
    for (const day of ['0001-02-29', '0100-02-29', '1900-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00']) expect(read(`${day}T12:00:00Z`), day).toBeUndefined();
  });

  it('is written as any Date once a setter moves it', () => {
    const date = read(V13);
    date.setUTCMilliseconds(1);
    expect(date.text).toBe('2026-06-16T06:33:10.001Z');
    expect(JSON.stringify(date)).toBe('"2026-06-16T06:33:10.001Z"');
    expect(PreciseDate.instantKey(date)).toBe(PreciseDate.instantKey(new Date(date.getTime())));
  });

  it('compares to the last digit through instantKey', () => {
    const key = (d: string | Date) => PreciseDate.instantKey(typeof d === 'string' ? read(d) : d);
    expect(key(V13)).not.toBe(key('2026-06-16T06:33:10.659Z'));
    expect(key(V13)).toBe(key('2026-06-16T06:33:10.6595590Z'));
    expect(key(V13)).toBe(key('2026-06-16T12:03:10.659559+05:30'));
    expect(key('2026-06-16T06:33:10.659Z')).toBe(key(new Date(V13_MS)));
    expect(key(V13) > key('2026-06-16T06:33:10.6595589Z')).toBe(true);
    expect(key(V13) < key('2026-06-16T06:33:10.65956Z')).toBe(true);
    expect(key('1969-12-31T23:59:59.9995Z') > key('1969-12-31T23:59:59.999Z')).toBe(true);
    // The ends of a Date's range, where a shifted time no longer fits a double exactly.
    expect(key(new Date(8.64e15 - 1)) < key(new Date(8.64e15))).toBe(true);
    expect(key(new Date(-8.64e15)) < key(new Date(-8.64e15 + 1))).toBe(true);
  });
});

// The oracle: the instant of a text counted exactly, in 100 ns ticks, from its parts by the
// proleptic Gregorian calendar (days from civil, H. Hinnant), with no Date involved.
const TICKS_PER_MS = 10_000n;
const daysFromCivil = (y: number, m: number, d: number): number => {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
};
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const floorDiv = (a: bigint, b: bigint) => (a < 0n && a % b !== 0n ? a / b - 1n : a / b);

interface Sample {
  readonly text: string;
  readonly ticks: bigint;
  /** The same instant written with one more zero at the end of its fraction. */
  readonly twin: string;
}

function sample(random: () => number): Sample {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const year = random() < 0.1 ? int(0, 99) : int(1900, 2100);
  const month = int(1, 12);
  const day = int(1, daysIn(year, month));
  const [h, mi, s] = [int(0, 23), int(0, 59), int(0, 59)];
  const fraction = Array.from({ length: int(0, 7) }, () => int(0, 9)).join('');
  const offset = random() < 0.5 ? 0 : (random() < 0.5 ? -1 : 1) * int(0, 14 * 60);
  const zone = offset === 0 && random() < 0.8 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const wall = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  const seconds = BigInt(daysFromCivil(year, month, day)) * 86_400n + BigInt(h * 3600 + mi * 60 + s - offset * 60);
  return {
    text: `${wall}${fraction === '' ? '' : `.${fraction}`}${zone}`,
    ticks: seconds * 10_000_000n + BigInt(fraction.padEnd(7, '0')),
    twin: `${wall}.${fraction}0${zone}`,
  };
}

describe('decode → encode gives back the same date-time text (property, seeded)', () => {
  const SEED = 20_261_207;
  const entity = example('cloud-failover-session.entity.xml').xml;
  const samples = (() => {
    const random = prng(SEED);
    return Array.from({ length: 3000 }, () => sample(random));
  })();

  it(`for ${samples.length} texts with fractions of 0 to 7 digits, Z or an offset, years 0 to 2100 (seed ${SEED})`, () => {
    const lengths = new Set(samples.map((s) => /\.(\d*)/.exec(s.text)?.[1]?.length ?? 0));
    expect([...lengths].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const { text, ticks } of samples) {
      const value = decode('CloudFailoverSession', entity.replace('2015-12-07T17:38:16Z', text));
      expect(value.CreationTimeUTC.getTime(), text).toBe(Number(floorDiv(ticks, TICKS_PER_MS)));
      const written = encode('CloudFailoverSession', value);
      expect(written.slice(written.indexOf('<CreationTimeUTC>'), written.indexOf('</CreationTimeUTC>')), text).toBe(`<CreationTimeUTC>${text}`);
    }
  });

  it('orders and equates instantKeys as the exact instants are ordered', () => {
    const cmp = (a: string | bigint, b: string | bigint) => (a < b ? -1 : a > b ? 1 : 0);
    for (let i = 0; i < samples.length; i++) {
      const a = samples[i]!;
      const b = samples[(i * 7 + 1) % samples.length]!;
      const keyA = PreciseDate.instantKey(read(a.text));
      expect(PreciseDate.instantKey(read(a.twin)), a.twin).toBe(keyA);
      expect(cmp(keyA, PreciseDate.instantKey(read(b.text))), `${a.text} vs ${b.text}`).toBe(cmp(a.ticks, b.ticks));
    }
  });
});

// A v13 query result published from a real server (../shared/real-world, beside the checkout, never
// copied into the repository): its microseconds survive decode → encode.
const v13Body = new URL('../../../../../shared/real-world/xml/QueryResult-BackupJobSession-8.xml', import.meta.url);
describe.skipIf(!existsSync(v13Body))('a real EM 13 body (../shared/real-world/xml/QueryResult-BackupJobSession-8.xml)', () => {
  it('keeps its timestamps, digit for digit, through decode → encode', () => {
    const xml = readFileSync(v13Body, 'utf8');
    const stamps = (text: string) => text.match(/<(\w+UTC)>[^<]+<\/\1>/g);
    expect(stamps(xml)).toEqual([
      '<CreationTimeUTC>2025-08-16T05:17:38.22142Z</CreationTimeUTC>',
      '<EndTimeUTC>2025-08-16T05:25:01.879599Z</EndTimeUTC>',
      '<CreationTimeUTC>2025-08-15T20:00:24.003406Z</CreationTimeUTC>',
      '<EndTimeUTC>2025-08-15T20:04:13.487602Z</EndTimeUTC>',
    ]);
    expect(stamps(encode('QueryResult', decode('QueryResult', xml)))).toEqual(stamps(xml));
  });
});
