import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { refusedStatus } from '../spec-facts.js';
import { verdict } from './verdict.js';

const v = verdict('client.error');

/**
 * A documented error status reaches the caller as a named error carrying that status. A logoff
 * refused with the refused status (401) may return normally: the session is over either way.
 */
export const clientError: Check = {
  id: 'client.error',
  scope: 'exchange',
  title: 'an error status becomes a named error carrying the status',
  run: (exchange) => {
    if (exchange.probe !== 'forced-status' || !exchange.response || !exchange.outcome) return [];
    const { status } = exchange.response;
    const error = exchange.outcome.error;
    if (error === undefined) {
      if (exchange.operationId === api.protocol.logoff && status === refusedStatus) return [v.passed(`a logoff refused with ${status} is taken as already logged off`)];
      return [v.failed(`expected ${exchange.outcome.call} to throw on ${status}, got a value`)];
    }
    if (error.status !== status) return [v.failed(`expected ${error.name} to carry status ${status}, got ${error.status ?? 'none'}`)];
    return [v.passed(`${status} thrown as ${error.name}`)];
  },
};
