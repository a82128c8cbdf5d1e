import { describe, expect, it } from 'vitest';
import { formatScalar, parseScalar } from '../index.js';

describe('the text of a scalar reads as its value', () => {
  it("reads a boolean's 'false' as false and 'true' as true, and nothing else as a boolean", () => {
    expect(parseScalar('boolean', 'false')).toBe(false);
    expect(parseScalar('boolean', 'true')).toBe(true);
    for (const text of ['False', 'TRUE', '1', '0', 'yes', '']) expect(parseScalar('boolean', text), text).toBeUndefined();
  });

  it("reads '-0' as the integer 0, which writes back as '0'", () => {
    const zero = parseScalar('int', '-0');
    expect(Object.is(zero, 0)).toBe(true);
    expect(formatScalar(zero as number)).toBe('0');
  });

  it('reads a date-time with an offset as the instant it names', () => {
    const date = parseScalar('dateTime', '2015-12-07T18:38:16+01:00');
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2015-12-07T17:38:16.000Z');
  });

  it('refuses a date-time of the right shape that names no instant (month 13, hour 25), with or without an offset', () => {
    for (const text of ['2015-13-07T17:38:16Z', '2015-12-07T25:38:16Z', '2015-13-07T17:38:16+01:00']) {
      expect(parseScalar('dateTime', text), text).toBeUndefined();
    }
  });

  it('reads a GUID in either case, and refuses text of another shape', () => {
    expect(parseScalar('guid', '0f3a1e0c-52a8-4f4b-9d0e-7c1b2a3d4e5f')).toBe('0f3a1e0c-52a8-4f4b-9d0e-7c1b2a3d4e5f');
    expect(parseScalar('guid', '0F3A1E0C-52A8-4F4B-9D0E-7C1B2A3D4E5F')).toBe('0F3A1E0C-52A8-4F4B-9D0E-7C1B2A3D4E5F');
    for (const text of ['0f3a1e0c52a84f4b9d0e7c1b2a3d4e5f', '{0f3a1e0c-52a8-4f4b-9d0e-7c1b2a3d4e5f}', 'urn:veeam:Job:0f3a1e0c-52a8-4f4b-9d0e-7c1b2a3d4e5f', '']) {
      expect(parseScalar('guid', text), text).toBeUndefined();
    }
  });
});
