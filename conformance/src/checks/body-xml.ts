import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { parsedAsXml } from './parsed-as-xml.js';
import { issuesText } from './issues-text.js';
import { verdict } from './verdict.js';

const v = verdict('body.xml');

/** The body is well-formed XML (or empty, where the spec documents no body). */
export const bodyXml: Check = {
  id: 'body.xml',
  scope: 'exchange',
  title: 'the body is well-formed XML',
  run: (exchange) => {
    const received = exchange.response;
    const { response, representation, error } = understand(exchange);
    if (!received) return [];
    if (!representation) {
      if (response && received.bodyBytes > 0) return [v.failed(`expected no body with ${received.status}, got ${received.bodyBytes} bytes`)];
      return response ? [v.passed(`no body, as documented for ${received.status}`)] : [];
    }
    return !parsedAsXml(error) ? [v.failed(`${error!.name}: ${issuesText(error!.issues)}`)] : [v.passed(`${received.bodyBytes} bytes of XML`)];
  },
};
