import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { sessionHeader, understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('client.session-header');

/** The client sends the session header on every session-protected operation, and only there. */
export const clientSessionHeader: Check = {
  id: 'client.session-header',
  scope: 'exchange',
  title: `the client sends ${api.sessionHeader} where the spec asks for it, and only there`,
  run: (exchange) => {
    const { operation } = understand(exchange);
    if (!operation || exchange.probe === 'foreign-origin') return [];
    const sent = exchange.request.headers[sessionHeader] !== undefined;
    const wanted = operation.auth === 'session';
    if (sent === wanted) return [v.passed(`${wanted ? 'sent' : 'not sent'} to ${operation.id}`)];
    return [v.failed(`expected ${api.sessionHeader} ${wanted ? 'on' : 'not on'} ${operation.id} (auth: ${operation.auth}), got ${sent ? 'one' : 'none'}`)];
  },
};
