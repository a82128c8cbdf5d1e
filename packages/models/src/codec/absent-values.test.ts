import { describe, expect, it } from 'vitest';
import { decode, encode, type ErrorBody } from '../index.js';

describe('encode leaves out what a value does not hold', () => {
  it('writes no attribute for an optional attribute that is undefined or null', () => {
    for (const Status of [undefined, null]) {
      const xml = encode('ErrorBody', { Message: 'm', StatusCode: 500, Status } as unknown as ErrorBody);
      expect(xml).not.toContain('Status=');
      expect(decode('ErrorBody', xml)).toEqual({ Message: 'm', StatusCode: 500 });
    }
  });

  it('writes no element for an optional element that is undefined or null', () => {
    for (const StackTrace of [undefined, null]) {
      const xml = encode('ErrorBody', { Message: 'm', StatusCode: 500, FirstChanceExceptionMessage: 'first', StackTrace } as unknown as ErrorBody);
      expect(xml).not.toContain('StackTrace');
      expect(decode('ErrorBody', xml)).toEqual({ Message: 'm', StatusCode: 500, FirstChanceExceptionMessage: 'first' });
    }
  });
});
