import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { logonSessionView } from '../logon-session-view.js';
import { logonById } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';

/** `GET /api/logonSessions/{id}`: a live logon session, 404 for any other id. */
export const getLogonSession: Responder = ({ operation, url, params, state }) => {
  const session = logonById(state, params.id ?? '');
  if (!session) return errorReply(HttpStatus.NotFound, 'No logon session with this id');
  return { status: successOf(operation).status, body: { type: 'LogonSession', value: logonSessionView(url.origin, session) } };
};
