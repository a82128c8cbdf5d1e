import { api } from '@vbem/models';
import type { Check } from '../check-result.js';
import { verdict } from './verdict.js';

const v = verdict('client.accept');

/** The client asks for the documented media type on every request. */
export const clientAccept: Check = {
  id: 'client.accept',
  scope: 'exchange',
  title: `the client sends Accept: ${api.mediaType}`,
  run: (exchange) => {
    if (exchange.probe === 'foreign-origin') return [];
    const accept = exchange.request.headers.accept;
    if (accept?.toLowerCase().includes(api.mediaType)) return [v.passed(`Accept: ${accept}`)];
    return [v.failed(`expected Accept: ${api.mediaType}, got ${accept ?? 'none'}`)];
  },
};
