import type { ScalarType } from '../spec-types.js';
import { PreciseDate } from './precise-date.js';

const INT = /^[+-]?\d+$/;
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
    case 'dateTime':
      return PreciseDate.fromText(text);
    case 'guid':
      return GUID.test(text) ? text : undefined;
    case 'uid':
      return UID.test(text) ? text : undefined;
    case 'url':
      return URL_TEXT.test(text) ? text : undefined;
  }
}

/** The XML text of a scalar value: a date-time read from XML as it was written (every digit of its fraction), any other Date in UTC. */
export function formatScalar(value: Scalar): string {
  return value instanceof PreciseDate ? value.text : value instanceof Date ? value.toISOString() : String(value);
}
