import type { Exchange } from '../exchange.js';
import type { Redactor } from '../redactor.js';

/**
 * An exchange as it may leave the run (a HAR file): every secret the redactor learned by the end
 * of the run scrubbed from its URL, headers and bodies. The recorder redacted the headers as it
 * went; a body (the logon's LogonSession names the session id) and a secret learned later are
 * only scrubbed here.
 * @example redactExchange(exchange, redactor).response?.body
 */
export function redactExchange(exchange: Exchange, redactor: Redactor): Exchange {
  const { request, response } = exchange;
  return {
    ...exchange,
    request: { ...request, url: redactor.text(request.url), headers: redactor.headers(request.headers), ...(request.body !== undefined ? { body: redactor.text(request.body) } : {}) },
    ...(response ? { response: { ...response, headers: redactor.headers(response.headers), body: redactor.text(response.body) } } : {}),
    ...(exchange.error !== undefined ? { error: redactor.text(exchange.error) } : {}),
  };
}
