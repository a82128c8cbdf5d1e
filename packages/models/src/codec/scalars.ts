import type { ScalarType } from '../spec-types.js';

const INT = /^[+-]?\d+$/;
// xs:dateTime in UTC, as Enterprise Manager writes it: `2015-12-07T17:38:16Z`, `2020-05-06T20:29:45.077Z`.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const UID = /^urn:veeam:[A-Za-z_0-9-]+:[A-Za-z_0-9-]+$/;
// An absolute URL: a scheme and no white space (the JSON Schema's `uri` format checks the rest).
const URL_TEXT = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

export type Scalar = string | number | boolean | Date;

/** What a scalar's text must look like, for messages. */
export const EXPECTED: Record<ScalarType, string> = {
  string: 'text',
  int: 'an integer',
  long: 'an integer a JS number holds exactly (at most 2^53 - 1 in size)',
  boolean: "'true' or 'false'",
  dateTime: 'a UTC date-time such as 2015-12-07T17:38:16Z',
  guid: 'a GUID',
  uid: 'a UID of the form urn:veeam:<Type>:<id>',
  url: 'an absolute URL',
};

/** The value of a scalar's XML text, or undefined when the text is not of that type. */
export function parseScalar(type: ScalarType, text: string): Scalar | undefined {
  switch (type) {
    case 'string':
      return text;
    case 'int':
    case 'long': {
      const n = INT.test(text) ? Number(text) : NaN;
      // '-0' is the integer 0: a -0 would not survive encoding ('0').
      return Number.isSafeInteger(n) ? n + 0 : undefined;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'dateTime': {
      if (!DATE_TIME.test(text)) return undefined;
      const date = new Date(text);
      if (Number.isNaN(date.getTime())) return undefined;
      // Date rolls 2015-02-30 over to March; a real calendar date reads back unchanged.
      return !text.endsWith('Z') || date.toISOString().slice(0, 19) === text.slice(0, 19) ? date : undefined;
    }
    case 'guid':
      return GUID.test(text) ? text : undefined;
    case 'uid':
      return UID.test(text) ? text : undefined;
    case 'url':
      return URL_TEXT.test(text) ? text : undefined;
  }
}

/** The XML text of a scalar value. */
export function formatScalar(value: Scalar): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
