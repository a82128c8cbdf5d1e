import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('error.status-code');

/** An Error body carries the HTTP status as its StatusCode. */
export const errorStatusCode: Check = {
  id: 'error.status-code',
  scope: 'exchange',
  title: 'an Error body carries the HTTP status as StatusCode',
  run: (exchange) => {
    const { representation, value } = understand(exchange);
    if (representation?.body !== api.errorBody || value === undefined || !exchange.response) return [];
    const got = (value as { StatusCode?: number }).StatusCode;
    const status = exchange.response.status;
    return got === status ? [v.passed(`StatusCode ${got}`)] : [v.failed(`expected StatusCode ${status} (the HTTP status), got ${got ?? 'none'}`)];
  },
};
