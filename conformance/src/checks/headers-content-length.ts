import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('headers.content-length');

/** A response with a body carries Content-Length, equal to the bytes of the body. */
export const headersContentLength: Check = {
  id: 'headers.content-length',
  scope: 'exchange',
  title: 'Content-Length is present and equals the body bytes',
  run: (exchange) => {
    const received = exchange.response;
    if (!received) return [];
    const documentsBody = (understand(exchange).response?.formats.length ?? 1) > 0;
    if (!documentsBody && received.bodyBytes === 0) return [];
    const encoding = received.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') {
      return [v.skipped(`the body came ${encoding}-encoded: its decoded length cannot be compared`)];
    }
    const got = received.headers['content-length'];
    if (got === undefined) return [v.failed(`expected Content-Length: ${received.bodyBytes}, got none`)];
    return Number(got) === received.bodyBytes
      ? [v.passed(`${got} bytes`)]
      : [v.failed(`expected Content-Length: ${received.bodyBytes} (the bytes received), got ${got}`)];
  },
};
