import { operations, type CloudFailoverSession, type Ref, type Representation } from '@vbem/models';
import { rebase } from './at-origin.js';
import { linksOf } from './link-to.js';
import type { MockFailoverSession, MockState } from './mock-state.js';
import { entityHeadOf, refOf } from './ref-of.js';

const get = operations.getCloudFailoverSession;

function linksFor(origin: string, state: MockState, session: MockFailoverSession, representation: Representation) {
  const server = state.backupServers.get(session.backupServerId);
  return linksOf(origin, representation, {
    Up: { id: session.backupServerId, ...(server ? { name: server.Name } : {}) },
    Alternate: { id: session.id, name: session.Name },
  });
}

/**
 * A session's reference form, with the links `representation` documents (that of the body it is in).
 * @example sessionRef(state, session, 'http://127.0.0.1:9399', listRepresentation)
 */
export function sessionRef(state: MockState, session: MockFailoverSession, origin: string, representation: Representation): Ref {
  return refOf(origin, get, session, linksFor(origin, state, session, representation));
}

/** A session's entity form, with the links `representation` documents and its task links on `origin`. */
export function sessionEntity(state: MockState, session: MockFailoverSession, origin: string, representation: Representation): CloudFailoverSession {
  const { id: _id, backupServerId: _server, Name: _name, CloudFailoverTasks, ...fields } = session;
  return {
    ...entityHeadOf(origin, get, session, linksFor(origin, state, session, representation)),
    ...fields,
    CloudFailoverTasks: rebase(CloudFailoverTasks, origin),
  };
}
