import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { parsedBody } from './parsed-body.js';
import { issuesText } from './issues-text.js';
import { verdict } from './verdict.js';

const v = verdict('body.xml');

/** The body is well-formed XML (or empty, where the spec documents no body); XML answers only. */
export const bodyXml: Check = {
  id: 'body.xml',
  scope: 'exchange',
  title: 'the body is well-formed XML',
  run: (exchange) => {
    const received = exchange.response;
    const { response, representation, error, wire } = understand(exchange);
    // A JSON answer is judged by body.json: this check does not apply to it.
    if (!received || wire !== 'xml') return [];
    if (!representation) {
      if (response && received.bodyBytes > 0) return [v.failed(`expected no body with ${received.status}, got ${received.bodyBytes} bytes`)];
      return response ? [v.passed(`no body, as documented for ${received.status}`)] : [];
    }
    return !parsedBody(error) ? [v.failed(`${error!.name}: ${issuesText(error!.issues)}`)] : [v.passed(`${received.bodyBytes} bytes of XML`)];
  },
};
