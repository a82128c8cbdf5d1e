import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('headers.content-type');
const mediaTypeOf = (value: string) => value.split(';')[0]!.trim().toLowerCase();

/** A response with a body declares the documented media type. */
export const headersContentType: Check = {
  id: 'headers.content-type',
  scope: 'exchange',
  title: 'Content-Type is the documented media type',
  run: (exchange) => {
    const received = exchange.response;
    if (!received || received.bodyBytes === 0) return [];
    const expected = (understand(exchange).response?.mediaType ?? api.mediaType).toLowerCase();
    const got = received.headers['content-type'];
    if (got === undefined) return [v.failed(`expected Content-Type ${expected}, got none`)];
    return mediaTypeOf(got) === expected ? [v.passed(got)] : [v.failed(`expected Content-Type ${expected}, got ${got}`)];
  },
};
