import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, decode } from '../index.js';
import { failure } from '../../test/fixtures.js';

// 400 euro signs are 400 UTF-16 code units but 1,200 UTF-8 bytes: a cap that counted code units
// (or guessed two bytes a character) would let the body through.
const body = `<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"><!--${'€'.repeat(400)}--></EntityReferences>`;
const utf8Bytes = new TextEncoder().encode(body).length;

describe('maxBytes counts the UTF-8 bytes of a string body', () => {
  it('measures the fixture as intended: fewer than 1,000 code units, more than 1,000 bytes', () => {
    expect(body.length * 2).toBeLessThan(1000);
    expect(utf8Bytes).toBe(body.length - 400 + 1200);
  });

  it('refuses 400 € over a 1,000-byte cap with BodyTooLargeError naming the byte count', () => {
    const error = failure(() => decode('EntityReferences', body, { maxBytes: 1000 }));
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error.issues).toEqual([{ path: '/', expected: 'at most 1000 bytes', actual: `${utf8Bytes} bytes`, code: 'too-large' }]);
  });

  it('accepts a body of exactly the cap and refuses it one byte below, as a string and as bytes', () => {
    const bytes = new TextEncoder().encode(body);
    for (const input of [body, bytes]) {
      expect(decode('EntityReferences', input, { maxBytes: utf8Bytes }).Ref).toEqual([]);
      expect(failure(() => decode('EntityReferences', input, { maxBytes: utf8Bytes - 1 }))).toBeInstanceOf(BodyTooLargeError);
    }
  });
});
