import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { issuesText } from './issues-text.js';
import { parsedBody } from './parsed-body.js';
import { verdict } from './verdict.js';

const v = verdict('body.json');

/** The body of an answer asked for in JSON parses as JSON (or is empty, where the spec documents no body); JSON answers only. */
export const bodyJson: Check = {
  id: 'body.json',
  scope: 'exchange',
  title: 'the body asked for in JSON is JSON',
  run: (exchange) => {
    const received = exchange.response;
    const { response, representation, error, wire } = understand(exchange);
    if (!received || wire !== 'json') return [];
    if (!representation) {
      if (response && received.bodyBytes > 0) return [v.failed(`expected no body with ${received.status}, got ${received.bodyBytes} bytes`)];
      return response ? [v.passed(`no body, as documented for ${received.status}`)] : [];
    }
    return !parsedBody(error) ? [v.failed(`${error!.name}: ${issuesText(error!.issues)}`)] : [v.passed(`${received.bodyBytes} bytes of JSON`)];
  },
};
