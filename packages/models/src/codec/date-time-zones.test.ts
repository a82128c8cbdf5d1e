import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode, parseScalar, XmlShapeError } from '../index.js';
import { example, failure } from '../../test/fixtures.js';

// The rest of the suite runs in UTC, where reading a zone-less text as local time looks right. Here
// the process moves to zones west and east of UTC (Node applies a TZ assignment at once); each
// block first proves the move took effect, so the tests cannot pass for want of it.

const entity = example('cloud-failover-session.entity.xml').xml;
const CREATED = '2015-12-07T17:38:16Z';
const CREATED_MS = 1_449_509_896_000; // written out, not computed: 2015-12-07 17:38:16 UTC

const zoneAtStart = process.env.TZ;
afterAll(() => {
  if (zoneAtStart === undefined) delete process.env.TZ;
  else process.env.TZ = zoneAtStart;
});

describe.each([
  ['America/New_York', 300],
  ['Asia/Kolkata', -330],
])('in the time zone %s', (zone, januaryOffsetMinutes) => {
  beforeAll(() => {
    process.env.TZ = zone;
  });

  it('runs in that zone', () => {
    expect(new Date(2020, 0, 1).getTimezoneOffset()).toBe(januaryOffsetMinutes);
  });

  it.each(['2015-12-07T17:38:16', '2015-12-07T17:38:16.077', '2015-12-07T17:38'])('refuses the zone-less date-time %s with XmlShapeError', (text) => {
    expect(parseScalar('dateTime', text)).toBeUndefined();
    const error = failure(() => decode('CloudFailoverSession', entity.replace(CREATED, text)));
    expect(error).toBeInstanceOf(XmlShapeError);
    expect(error.issues).toEqual([
      { path: '/CloudFailoverSession/CreationTimeUTC', expected: 'a UTC date-time such as 2015-12-07T17:38:16Z', actual: `'${text}'`, code: 'value' },
    ]);
  });

  it.each([CREATED, '2015-12-07T23:08:16+05:30', '2015-12-07T12:38:16-05:00', '2015-12-08T03:38:16+10:00'])('reads %s as the instant it names', (text) => {
    expect(decode('CloudFailoverSession', entity.replace(CREATED, text)).CreationTimeUTC.getTime()).toBe(CREATED_MS);
  });

  it('refuses a date, time or offset that does not exist, whatever the zone', () => {
    for (const text of ['2015-02-29T10:00:00Z', '2015-02-29T10:00:00+05:30', '2015-12-07T24:00:00Z', '2015-12-07T17:60:16-05:00', '2015-12-07T17:38:60Z', '2015-12-07T17:38:16+14:01', '2015-12-07T17:38:16-05:60']) {
      expect(parseScalar('dateTime', text), text).toBeUndefined();
    }
  });

  it('writes a Date as the UTC text of its instant', () => {
    const value = decode('CloudFailoverSession', entity);
    const written = encode('CloudFailoverSession', { ...value, CreationTimeUTC: new Date(CREATED_MS) });
    expect(written).toContain('<CreationTimeUTC>2015-12-07T17:38:16.000Z</CreationTimeUTC>');
  });
});
