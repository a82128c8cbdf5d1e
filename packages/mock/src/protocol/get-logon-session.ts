import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { logonSessionView } from '../logon-session-view.js';
import { logonById } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';

/** The protocol's logon session (`GET /api/logonSessions/{id}`): a live logon session, 404 for any other id. */
export const getLogonSession: Handler = ({ operation, url, params, state }) => {
  const session = logonById(state, Object.values(params)[0] ?? '');
  if (!session) return errorReply(state.model, HttpStatus.NotFound, 'No logon session with this id');
  const success = successOf(operation);
  return { status: success.status, body: { type: success.formats[0]!.body, value: logonSessionView(state.model, url.origin, session) } };
};
