import { successOf } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('status.expected');

/** A plain documented call (not a negative case) gets the operation's success status. */
export const statusExpected: Check = {
  id: 'status.expected',
  scope: 'exchange',
  title: 'a documented call gets its success status',
  run: (exchange) => {
    const { operation } = understand(exchange);
    if (!operation || !exchange.response || exchange.probe !== undefined) return [];
    const expected = successOf(operation).status;
    const got = exchange.response.status;
    return got === expected
      ? [v.passed(`${operation.id} answered ${got}`)]
      : [v.failed(`expected ${expected} from ${operation.id}, got ${got}`)];
  },
};
