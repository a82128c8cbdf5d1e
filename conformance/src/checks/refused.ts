import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import type { Probe } from '../exchange.js';
import { refusedStatus } from '../spec-facts.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

/**
 * A check on one negative case: the request is refused with the refused status (401) and an Error
 * body.
 */
export function refused(id: string, probe: Probe, title: string): Check {
  const v = verdict(id);
  return {
    id,
    scope: 'exchange',
    title,
    run: (exchange) => {
      if (exchange.probe !== probe || !exchange.response) return [];
      const { status } = exchange.response;
      const { representation, value } = understand(exchange);
      if (status !== refusedStatus) return [v.failed(`expected ${refusedStatus} (${title}), got ${status}`)];
      if (representation?.body !== api.errorBody || value === undefined) return [v.failed(`expected ${refusedStatus} with an Error body, got a body that is not one`)];
      return [v.passed(`${status} with an Error body`)];
    },
  };
}
