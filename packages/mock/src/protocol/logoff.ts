import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { closeLogon, logonById } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';

/** The protocol's logoff (`DELETE /api/logonSessions/{id}`): ends the session (unless `auth.logoffEnforced` is false); 404 for an unknown id. */
export const logoff: Handler = ({ operation, params, state, options }) => {
  const session = logonById(state, Object.values(params)[0] ?? '');
  if (!session) return errorReply(state.model, HttpStatus.NotFound, 'No logon session with this id');
  if (options.auth?.logoffEnforced !== false) closeLogon(state, session);
  return { status: successOf(operation).status };
};
