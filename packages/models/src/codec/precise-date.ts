// xs:dateTime with a zone, as Enterprise Manager writes it: `2015-12-07T17:38:16Z`,
// `2020-05-06T20:29:45.077Z`, `2026-06-16T06:33:10.659559Z` (EM 13), or an offset `+01:00`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
    const m = DATE_TIME.exec(text);
    if (!m) return undefined;
    const year = +m[1]!;
    const month = +m[2]!;
    const day = +m[3]!;
    const hours = +m[4]!;
    const minutes = +m[5]!;
    const seconds = +m[6]!;
    // A real calendar date and time: Date.UTC would roll 2015-02-29 over to March 1st, 24:00 to the next day.
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hours > 23 || minutes > 59 || seconds > 59) return undefined;
    const fraction = m[7] ?? '';
    let time = Date.UTC(year, month - 1, day, hours, minutes, seconds, fraction === '' ? 0 : +fraction.slice(0, 3).padEnd(3, '0'));
    // Date.UTC reads the years 0 to 99 as 1900 to 1999.
    if (year < 100) time = new Date(time).setUTCFullYear(year, month - 1, day);
    if (m[8] !== undefined) {
      const offset = +m[9]! * 60 + +m[10]!;
      if (+m[10]! > 59 || offset > 14 * 60) return undefined;
      time -= (m[8] === '-' ? -offset : offset) * 60_000;
    }
    return new PreciseDate(time, text, fraction.slice(3));
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
