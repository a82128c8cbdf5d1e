import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('client.basic-only-on-logon');

/** The client sends Basic credentials to the operation that takes them (logon), never elsewhere. */
export const clientBasicOnlyOnLogon: Check = {
  id: 'client.basic-only-on-logon',
  scope: 'exchange',
  title: 'the client sends Basic credentials to logon only',
  run: (exchange) => {
    const { operation } = understand(exchange);
    if (exchange.probe === 'foreign-origin') return [];
    const authorization = exchange.request.headers.authorization;
    const basic = authorization?.toLowerCase().startsWith('basic ') === true;
    const wanted = operation?.auth === 'basic';
    const where = operation?.id ?? exchange.request.url;
    if (basic === wanted) return [v.passed(`${wanted ? 'Basic credentials sent to' : 'no credentials sent to'} ${where}`)];
    return [v.failed(`expected ${wanted ? 'Basic credentials' : 'no Authorization header'} on ${where}, got ${authorization ?? 'none'}`)];
  },
};
