import { matchOperation, operations } from '@vbem/models';
import { UnsafeRequestError } from '../errors.js';

/**
 * Refuses anything but a documented GET, a logon, or the logoff of the run's own session: the
 * server target must be safe to point at a production Enterprise Manager.
 * @example assertSafeRequest('DELETE', url, new Set([ownSessionId])) // throws unless url is the logoff of one of them
 */
export function assertSafeRequest(method: string, url: URL, ownSessionIds: ReadonlySet<string>): void {
  const match = matchOperation(method, url);
  const safe =
    (method === 'GET' && match !== undefined) ||
    (method === 'POST' && match?.operation.id === operations.logon.id) ||
    (method === 'DELETE' && match?.operation.id === operations.logoff.id && Object.values(match.params).some((id) => ownSessionIds.has(id)));
  if (!safe) throw new UnsafeRequestError(method, url.href);
}
