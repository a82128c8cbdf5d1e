import { isDeepStrictEqual } from 'node:util';
import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('client.value');
// Dates compare by instant; everything else structurally.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/** What the client returns is the body the server sent, decoded by the spec's codec. */
export const clientValue: Check = {
  id: 'client.value',
  scope: 'exchange',
  title: 'the client returns the decoded body',
  run: (exchange) => {
    const outcome = exchange.outcome;
    const { value, representation } = understand(exchange);
    if (!outcome || !('value' in outcome) || outcome.error !== undefined || !representation || value === undefined) return [];
    if (representation.body === api.errorBody) return [];
    return isDeepStrictEqual(plain(outcome.value), plain(value))
      ? [v.passed(`${outcome.call} returned the ${representation.body}`)]
      : [v.failed(`expected ${outcome.call} to return the ${representation.body} the server sent, got a different value`)];
  },
};
