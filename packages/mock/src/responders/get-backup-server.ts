import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { entityHeadOf, refOf } from '../ref-of.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';

/** `GET /api/backupServers/{id}[?format=Entity]`: the backup server sessions link Up to; 404 for an unknown id. */
export const getBackupServer: Responder = ({ operation, url, params, state, representation }) => {
  const server = state.backupServers.get((params.id ?? '').toLowerCase());
  if (!server) return errorReply(HttpStatus.NotFound, 'No backup server with this id');
  const status = successOf(operation).status;
  if (representation?.body === 'BackupServer') {
    const { id: _id, ...fields } = server;
    return { status, body: { type: 'BackupServer', value: { ...entityHeadOf(url.origin, operation, server, []), ...fields } } };
  }
  return { status, body: { type: 'EntityRef', value: refOf(url.origin, operation, server, []) } };
};
