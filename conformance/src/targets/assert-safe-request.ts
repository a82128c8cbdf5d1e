import { builtinModel, matchOperation, type ApiModel } from '@vbem/models';
import { UnsafeRequestError } from '../errors.js';

export interface SafetyOptions {
  /** The operation table requests are matched against. (default: the built-in model) */
  readonly model?: ApiModel;
  /** State-changing operations the run may send: the planned actions, only against the built-in fake. (default: none) */
  readonly allowedWrites?: ReadonlySet<string>;
}

/**
 * Refuses anything but a documented GET, a logon, or the logoff of the run's own session (and,
 * against the built-in fake only, the planned actions): the server target must be safe to point at
 * a production Enterprise Manager.
 * @example assertSafeRequest('DELETE', url, new Set([ownSessionId])) // throws unless url is the logoff of one of them
 */
export function assertSafeRequest(method: string, url: URL, ownSessionIds: ReadonlySet<string>, options: SafetyOptions = {}): void {
  const model = options.model ?? builtinModel;
  const { logon, logoff } = model.api.protocol;
  const match = matchOperation(method, url, model);
  const id = match?.operation.id;
  const safe =
    (method === 'GET' && match !== undefined) ||
    (method === 'POST' && id === logon) ||
    (method === 'DELETE' && id === logoff && Object.values(match!.params).some((p) => ownSessionIds.has(p))) ||
    (method !== 'GET' && id !== undefined && id !== logon && id !== logoff && (options.allowedWrites?.has(id) ?? false));
  if (!safe) throw new UnsafeRequestError(method, url.href);
}
