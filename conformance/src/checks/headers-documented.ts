import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('headers.documented');
const isAbsoluteUrl = (text: string) => URL.canParse(text);

/** The headers the spec documents on the response are there, with the documented value or format. */
export const headersDocumented: Check = {
  id: 'headers.documented',
  scope: 'exchange',
  title: 'the documented response headers are present',
  run: (exchange) => {
    const { response } = understand(exchange);
    const received = exchange.response;
    if (!received || !response || response.headers.length === 0) return [];
    const problems: string[] = [];
    for (const header of response.headers) {
      const got = received.headers[header.name.toLowerCase()];
      if (got === undefined) {
        if (!header.optional) problems.push(`expected a ${header.name} header, got none`);
      } else if (header.value !== undefined && got !== header.value) {
        problems.push(`expected ${header.name}: ${header.value}, got ${got}`);
      } else if (header.format === 'url' && !isAbsoluteUrl(got)) {
        problems.push(`expected ${header.name} to be an absolute URL, got ${got}`);
      }
    }
    const names = response.headers.map((h) => h.name).join(', ');
    return problems.length === 0 ? [v.passed(`${names} as documented for ${received.status}`)] : [v.failed(listOf(problems))];
  },
};
