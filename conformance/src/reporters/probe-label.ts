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
 * How an exchange is named in progress lines: the client call or the operation, the negative case
 * it is, and JSON for a JSON client's (the client target), as `listCloudFailoverSessions (no session)`
 * or `backupServers.list (error statuses, JSON)`.
 */
export const exchangeLabel = (exchange: Exchange): string => {
  const notes = [...(exchange.probe ? [labels[exchange.probe]] : []), ...(exchange.clientRepresentation === 'json' ? ['JSON'] : [])];
  return `${exchange.call ?? exchange.operationId ?? 'unmatched'}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
};
