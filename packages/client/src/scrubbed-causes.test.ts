import { describe, expect, it } from 'vitest';
import { ClientError } from './errors.js';
import { Secrets } from './redact.js';
import { scrubError } from './scrub-error.js';

const SECRET = 'hunter2-s3cret';
const secrets = new Secrets();
secrets.add(SECRET);

/** A chain of foreign errors, outermost first, each quoting the secret. */
const chain = (length: number): Error =>
  Array.from({ length }, (_, i) => i).reduceRight<Error | undefined>((inner, i) => new Error(`level ${i + 1} ${SECRET}`, inner && { cause: inner }), undefined)!;

const causes = (error: Error): Error[] => (error.cause instanceof Error ? [error.cause, ...causes(error.cause)] : []);

describe("a client error's foreign cause", () => {
  it('becomes a plain copy with its name, its string or number code and its redacted message, and a stack of only those', () => {
    for (const code of ['ECONNRESET', 35]) {
      const foreign = Object.assign(new TypeError(`fetch failed for ${SECRET}`), { code });
      const error = scrubError(new ClientError('request failed', { cause: foreign }), secrets) as Error;
      const cause = error.cause as Error & { code?: unknown };
      expect(cause).not.toBe(foreign);
      expect(cause.name).toBe('TypeError');
      expect(cause.message).toBe('fetch failed for [redacted]');
      expect(cause.code).toBe(code);
      expect(cause.stack).toBe('TypeError: fetch failed for [redacted]');
    }
  });

  it('loses a code that is neither a string nor a number (it could carry anything, such as request headers)', () => {
    const foreign = Object.assign(new Error('failed'), { code: { authorization: `Basic ${SECRET}` } });
    const error = scrubError(new ClientError('request failed', { cause: foreign }), secrets) as Error;
    expect(error.cause).not.toHaveProperty('code');
  });

  it('stays a cause as Error makes one: not enumerable, writable, configurable', () => {
    const error = scrubError(new ClientError('request failed', { cause: new Error('x') }), secrets) as Error;
    expect(Object.getOwnPropertyDescriptor(error, 'cause')).toMatchObject({ enumerable: false, writable: true, configurable: true });
  });

  it('is copied four causes deep, the last copy with no cause at all, every message redacted', () => {
    const error = scrubError(new ClientError('request failed', { cause: chain(6) }), secrets) as Error;
    const copies = causes(error);
    expect(copies.map((c) => c.message)).toEqual([1, 2, 3, 4].map((i) => `level ${i} [redacted]`));
    expect(Object.hasOwn(copies[3]!, 'cause')).toBe(false);
  });
});
