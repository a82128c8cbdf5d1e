// xs:dateTime with a zone, as Enterprise Manager writes it: `2015-12-07T17:38:16Z`,
// `2020-05-06T20:29:45.077Z`, `2026-06-16T06:33:10.659559Z` (EM 13), or an offset `+01:00`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
const DOT = 0x2e;
const Z = 0x5a;
const MINUS = 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** The number the `count` ASCII digits at `start` of `text` write (the pattern has checked they are digits). */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}
/**
 * The days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil): plain arithmetic, where Date.UTC is a call into the engine and reads the years
 * 0 to 99 as 1900 to 1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}
// Dates span ±8.64e15 ms around 1970: shifted by that (in BigInt, past 2^53), every time has 17 digits.
const SHIFT = 8_640_000_000_000_000n;

/**
 * A date-time read from XML: a `Date` like any other (`instanceof Date`, `getTime()` to the
 * millisecond) that keeps the text it was read from. So the digits beyond milliseconds that
 * Enterprise Manager 13 writes (`06:33:10.659559Z`) survive decode → encode, and values compare to
 * the last digit (`PreciseDate.instantKey`). Moving it with a setter drops the text: it is then
 * written as any Date is.
 * @example const d = PreciseDate.fromText('2026-06-16T06:33:10.659559Z')!; d.getTime() // 1781591590659; d.text // '2026-06-16T06:33:10.659559Z'
 */
export class PreciseDate extends Date {
  readonly #text: string;
  /** The instant `#text` names, in ms: while getTime() is still that, the text holds. */
  readonly #time: number;
  /** The fraction's digits after the third, as written ('559' of .659559). */
  readonly #beyondMs: string;

  private constructor(time: number, text: string, beyondMs: string) {
    super(time);
    this.#time = time;
    this.#text = text;
    this.#beyondMs = beyondMs;
  }

  /**
   * The instant of an xs:dateTime text with a zone (`Z` or `±hh:mm`) on a real calendar date, or
   * undefined for any other text: a zone-less text names no instant (reading it as local time would
   * make the value depend on the machine's zone).
   */
  static fromText(text: string): PreciseDate | undefined {
    // The pattern checks the form; the numbers are then read at their places (no captures to
    // allocate and convert: a body of thousands of date-times is read at JSON.parse's pace).
    if (!DATE_TIME.test(text)) return undefined;
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    const hours = digitsAt(text, 11, 2);
    const minutes = digitsAt(text, 14, 2);
    const seconds = digitsAt(text, 17, 2);
    // A real calendar date and time: Date.UTC would roll 2015-02-29 over to March 1st, 24:00 to the next day.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hours > 23 || minutes > 59 || seconds > 59) return undefined;
    // The fraction's digits run from 20 (after the '.') to the zone.
    let zone = 19;
    if (text.charCodeAt(19) === DOT) for (zone = 20; isDigit(text.charCodeAt(zone)); ) zone++;
    const ms = zone <= 20 ? 0 : digitsAt(text, 20, Math.min(3, zone - 20)) * (zone === 21 ? 100 : zone === 22 ? 10 : 1);
    let time = daysFromCivil(year, month, day) * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + ms;
    if (text.charCodeAt(zone) !== Z) {
      const offsetMinutes = digitsAt(text, zone + 4, 2);
      const offset = digitsAt(text, zone + 1, 2) * 60 + offsetMinutes;
      if (offsetMinutes > 59 || offset > 14 * 60) return undefined;
      time -= (text.charCodeAt(zone) === MINUS ? -offset : offset) * 60_000;
    }
    return new PreciseDate(time, text, zone > 23 ? text.slice(23, zone) : '');
  }

  /**
   * A text that compares (`<`, `===`) as the instants of two valid Dates do, to every digit of a
   * PreciseDate's fraction: for filters and sorts that must not confuse .659559 with .659.
   */
  static instantKey(date: Date): string {
    const beyondMs = date instanceof PreciseDate && date.#unmoved() ? date.#beyondMs.replace(/0+$/, '') : '';
    return `${(BigInt(date.getTime()) + SHIFT).toString().padStart(17, '0')}.${beyondMs}`;
  }

  /** The xs:dateTime text it was read from, which encode writes back; once moved by a setter, its `toISOString()`. */
  get text(): string {
    return this.#unmoved() ? this.#text : this.toISOString();
  }

  /** JSON's form: `toISOString()` with every digit of the fraction read (`2026-06-16T06:33:10.659559Z`). */
  override toJSON(): string {
    if (!this.#unmoved() || this.#beyondMs === '') return super.toJSON();
    return `${this.toISOString().slice(0, -1)}${this.#beyondMs}Z`;
  }

  /** Whether the time is still the one read (no setter moved it). */
  #unmoved(): boolean {
    return this.getTime() === this.#time;
  }
}
