import { successOf } from '@vbem/models';
import type { Responder } from '../request-context.js';
import { sessionEntity, sessionRef } from '../session-views.js';

/** `GET /api/cloud/failoverSessions[?format=Entity]`: every session, as references or entities. */
export const listCloudFailoverSessions: Responder = ({ operation, url, state, representation }) => {
  const sessions = [...state.failoverSessions.values()];
  const status = successOf(operation).status;
  if (representation?.body === 'CloudFailoverSessions') {
    return { status, body: { type: 'CloudFailoverSessions', value: { CloudFailoverSession: sessions.map((s) => sessionEntity(state, s, url.origin, representation)) } } };
  }
  return { status, body: { type: 'EntityReferences', value: { Ref: sessions.map((s) => sessionRef(state, s, url.origin, representation!)) } } };
};
