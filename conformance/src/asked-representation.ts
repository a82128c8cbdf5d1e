import type { Representation } from '@vbem/models';
import type { Exchange } from './exchange.js';

/**
 * The representation a request asked for: JSON when its Accept names `application/json` (as
 * Enterprise Manager reads it: anywhere in the header), else the documented XML.
 * @example askedRepresentation(exchange) // 'json'
 */
export const askedRepresentation = (exchange: Pick<Exchange, 'request'>): Representation =>
  /\bapplication\/json\b/i.test(exchange.request.headers.accept ?? '') ? 'json' : 'xml';
