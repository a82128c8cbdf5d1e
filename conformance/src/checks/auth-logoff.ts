import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { logoffStatus } from '../spec-facts.js';
import { verdict } from './verdict.js';

const v = verdict('auth.logoff');

/** Logoff of the run's own session answers with its success status. */
export const authLogoff: Check = {
  id: 'auth.logoff',
  scope: 'exchange',
  title: `logoff answers ${logoffStatus}`,
  run: (exchange) => {
    if (exchange.operationId !== api.protocol.logoff || exchange.probe !== undefined || !exchange.response) return [];
    const { status } = exchange.response;
    return status === logoffStatus ? [v.passed(`${status}`)] : [v.failed(`expected ${logoffStatus} from logoff, got ${status}`)];
  },
};
