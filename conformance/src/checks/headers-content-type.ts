import { mediaTypeOf as mediaTypeIn } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('headers.content-type');
const mediaTypeOf = (value: string) => value.split(';')[0]!.trim().toLowerCase();

/** A response with a body declares the documented media type: the spec's for XML, `application/json` for an answer asked for in JSON. */
export const headersContentType: Check = {
  id: 'headers.content-type',
  scope: 'exchange',
  title: 'Content-Type is the documented media type',
  run: (exchange) => {
    const received = exchange.response;
    if (!received || received.bodyBytes === 0) return [];
    const { response, wire } = understand(exchange);
    const expected = (wire === 'json' ? mediaTypeIn(modelOf(exchange), 'json') : (response?.mediaType ?? mediaTypeIn(modelOf(exchange), 'xml'))).toLowerCase();
    const got = received.headers['content-type'];
    if (got === undefined) return [v.failed(`expected Content-Type ${expected}, got none`)];
    return mediaTypeOf(got) === expected ? [v.passed(got)] : [v.failed(`expected Content-Type ${expected}, got ${got}`)];
  },
};
