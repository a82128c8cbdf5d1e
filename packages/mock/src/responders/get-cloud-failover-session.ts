import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';
import { sessionEntity, sessionRef } from '../session-views.js';

/** `GET /api/cloud/failoverSessions/{id}[?format=Entity]`: one session; 404 for an unknown id. */
export const getCloudFailoverSession: Responder = ({ operation, url, params, state, representation }) => {
  const session = state.failoverSessions.get((params.id ?? '').toLowerCase());
  if (!session) return errorReply(HttpStatus.NotFound, 'No cloud failover session with this id');
  const status = successOf(operation).status;
  if (representation?.body === 'CloudFailoverSession') {
    return { status, body: { type: 'CloudFailoverSession', value: sessionEntity(state, session, url.origin, representation) } };
  }
  return { status, body: { type: 'EntityRef', value: sessionRef(state, session, url.origin, representation!) } };
};
