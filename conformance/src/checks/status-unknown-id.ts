import { api, xmlMaps } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { verdict } from './verdict.js';

const v = verdict('status.unknown-id');

/** The document element of the Error body. */
const errorRoot = (xmlMaps as Record<string, { root?: string }>)[api.errorBody]?.root ?? api.errorBody;

/** An item asked with an id no server issued gets the operation's documented 404, with an Error body. */
export const statusUnknownId: Check = {
  id: 'status.unknown-id',
  scope: 'exchange',
  title: 'an unknown id gets the documented 404 with an Error body',
  run: (exchange) => {
    if (exchange.probe !== 'unknown-id' || !exchange.response) return [];
    const { operation, value, error } = understand(exchange);
    const notFound = operation?.responses.find((r) => r.status === 404 && r.error);
    const got = exchange.response.status;
    const what = operation?.id ?? exchange.request.url;
    if (!notFound) return [v.skipped(`${what} documents no 404 for an unknown id`)];
    if (got !== notFound.status) return [v.failed(`expected ${notFound.status} for an id no server issued at ${what}, got ${got}`)];
    // The representation is the documented one whatever came: only a body that decodes as it is an Error body.
    if (value === undefined) {
      const came = exchange.response.bodyBytes === 0 ? 'an empty body' : error ? issuesText(error.issues) : 'a body that is not one';
      return [v.failed(`expected ${notFound.status} with an ${errorRoot} body at ${what}, got ${came}`)];
    }
    return [v.passed(`${what} answered ${got} with an ${errorRoot} body`)];
  },
};
