import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('status.documented');

/** The status is one the spec documents for the operation, and not a server fault (5xx). */
export const statusDocumented: Check = {
  id: 'status.documented',
  scope: 'exchange',
  title: 'the status is documented for the operation, and no 5xx',
  run: (exchange) => {
    const status = exchange.response?.status;
    if (status === undefined) return [];
    const { operation, response } = understand(exchange);
    const where = `${exchange.request.method} ${new URL(exchange.request.url).pathname}`;
    if (!operation) return [v.failed(`expected a documented operation at ${where}, got none matching`)];
    const documented = operation.responses.map((r) => r.status).join(', ');
    if (!response) return [v.failed(`expected one of ${documented} for ${operation.id}, got ${status}`)];
    if (status >= 500) return [v.failed(`expected no server fault from ${operation.id}, got ${status}`)];
    return [v.passed(`${status} is documented for ${operation.id}`)];
  },
};
