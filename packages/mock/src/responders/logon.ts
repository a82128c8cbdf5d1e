import { successOf, type OperationTypes } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { logonHeaders, logonSessionView } from '../logon-session-view.js';
import { openLogon } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';
import { documentedEntryPoint } from './documented-entry-point.js';

const VERSION: keyof OperationTypes['logon']['query'] = 'v';

/**
 * `POST /api/sessionMngr/?v=…`: opens a logon session for the user authentication accepted; the
 * version must be the parameter's default (`latest`) or one the entry point lists.
 */
export const logon: Responder = ({ operation, url, state, userName }) => {
  const asked = url.searchParams.get(VERSION);
  const known = [
    ...operation.query.filter((q) => q.name === VERSION && q.default !== undefined).map((q) => String(q.default)),
    ...documentedEntryPoint().SupportedVersions.map((v) => v.Name),
  ];
  if (asked !== null && !known.includes(asked)) return errorReply(HttpStatus.BadRequest, `Unsupported API version '${asked}'; supported: ${known.join(', ')}`);
  const session = openLogon(state, userName ?? [...state.users.keys()][0] ?? '');
  return {
    status: successOf(operation).status,
    headers: logonHeaders(url.origin, session),
    body: { type: 'LogonSession', value: logonSessionView(url.origin, session) },
  };
};
