import type { Check } from '../check-result.js';
import { verdict } from './verdict.js';

const v = verdict('transport');

/** The request got a complete response: no connection failure, no body cut short. */
export const transport: Check = {
  id: 'transport',
  scope: 'exchange',
  title: 'the request gets a complete response',
  run: (exchange) => {
    if (exchange.probe === 'foreign-origin') return [];
    if (exchange.error !== undefined) return [v.failed(`expected a complete response, got ${exchange.error}`)];
    return [v.passed(`HTTP ${exchange.response!.status}`)];
  },
};
