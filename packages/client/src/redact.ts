const MASK = '[redacted]';
/** Secrets shorter than this are replaced where they stand alone, not inside words ("x" in "expected"). */
const SHORT = 6;
const WORD = /^[\p{L}\p{N}]$/u;

/** The key of the bucket of secrets starting with the two code units at `i`. */
const pairAt = (text: string, i: number) => text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);

/**
 * A set of secrets and the redaction of text by them. Secrets are kept in buckets by their first two
 * code units, so a text is scanned once whatever the number of secrets (a conformance run opens a
 * hundred sessions), and adding one costs nothing to compile. Where several secrets start at one
 * place, the longest is replaced.
 * @example const s = new Secrets(); s.add('abc123'); s.redact('token abc123 refused') // 'token [redacted] refused'
 */
export class Secrets {
  /** Secrets of two or more code units by their first two, longest first. */
  readonly #buckets = new Map<number, string[]>();
  /** Secrets of one code unit. */
  readonly #single = new Set<number>();

  add(...secrets: readonly string[]): void {
    for (const secret of secrets) {
      if (secret.length === 1) this.#single.add(secret.charCodeAt(0));
      if (secret.length < 2) continue;
      const bucket = this.#buckets.get(pairAt(secret, 0)) ?? [];
      if (bucket.includes(secret)) continue;
      bucket.push(secret);
      bucket.sort((a, b) => b.length - a.length);
      this.#buckets.set(pairAt(secret, 0), bucket);
    }
  }

  /** The text with every secret replaced by `[redacted]`. */
  redact(text: string): string {
    if (this.#buckets.size === 0 && this.#single.size === 0) return text;
    let out = '';
    let copied = 0;
    for (let i = 0; i < text.length; ) {
      const length = this.#secretAt(text, i);
      if (length === 0) {
        i++;
        continue;
      }
      out += text.slice(copied, i) + MASK;
      i += length;
      copied = i;
    }
    return out + text.slice(copied);
  }

  /** The length of the longest secret at `i` (a short one only where it stands alone), or 0. */
  #secretAt(text: string, i: number): number {
    const bucket = i + 1 < text.length ? this.#buckets.get(pairAt(text, i)) : undefined;
    if (bucket) for (const secret of bucket) if (text.startsWith(secret, i) && (secret.length >= SHORT || standsAlone(text, i, i + secret.length))) return secret.length;
    return this.#single.has(text.charCodeAt(i)) && standsAlone(text, i, i + 1) ? 1 : 0;
  }
}

/** No letter or digit right before `start` or right after `end`. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = start === 0 ? '' : String.fromCodePoint(text.codePointAt(start - 1 - Number(start >= 2 && isLowSurrogate(text.charCodeAt(start - 1))))!);
  const after = end >= text.length ? '' : String.fromCodePoint(text.codePointAt(end)!);
  return !WORD.test(before) && !WORD.test(after);
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]` (longest secret first).
 * A secret shorter than six characters is replaced where it is not part of a longer word, so that
 * a short password does not garble every message. The client runs every message, Error body,
 * codec issue and cause it raises through it.
 * @example redact('token abc123 refused', ['abc123']) // 'token [redacted] refused'
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const set = new Secrets();
  set.add(...secrets);
  return set.redact(text);
}
