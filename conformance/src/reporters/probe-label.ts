import type { Exchange, Probe } from '../exchange.js';

const labels: Record<Probe, string> = {
  'no-session': 'no session',
  'invalid-session': 'invalid session',
  'wrong-password': 'wrong password',
  'after-logoff': 'after logoff',
  'foreign-origin': 'foreign link',
  'forced-status': 'error statuses',
  'unknown-id': 'unknown id',
};

/**
 * How an exchange is named in progress lines: the client call or the operation, and the negative
 * case it is, as `listCloudFailoverSessions (no session)`.
 */
export const exchangeLabel = (exchange: Exchange): string =>
  `${exchange.call ?? exchange.operationId ?? 'unmatched'}${exchange.probe ? ` (${labels[exchange.probe]})` : ''}`;
