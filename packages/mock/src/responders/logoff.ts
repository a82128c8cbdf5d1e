import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { logonById } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';

/** `DELETE /api/logonSessions/{id}`: ends the session (unless `auth.logoffEnforced` is false); 404 for an unknown id. */
export const logoff: Responder = ({ operation, params, state, options }) => {
  const session = logonById(state, params.id ?? '');
  if (!session) return errorReply(HttpStatus.NotFound, 'No logon session with this id');
  if (options.auth?.logoffEnforced !== false) state.logons.delete(session.token);
  return { status: successOf(operation).status };
};
