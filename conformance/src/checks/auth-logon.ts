import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { logonStatus } from '../spec-facts.js';
import { sessionHeader } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('auth.logon');

/** Logon answers with its success status and the session header. */
export const authLogon: Check = {
  id: 'auth.logon',
  scope: 'exchange',
  title: `logon answers ${logonStatus} with ${api.sessionHeader}`,
  run: (exchange) => {
    if (exchange.operationId !== api.protocol.logon || exchange.probe !== undefined || !exchange.response) return [];
    const { status, headers } = exchange.response;
    if (status !== logonStatus) return [v.failed(`expected ${logonStatus} from logon, got ${status}`)];
    if (headers[sessionHeader] === undefined) return [v.failed(`expected a ${api.sessionHeader} header on the logon response, got none`)];
    return [v.passed(`${status} with ${api.sessionHeader}`)];
  },
};
