import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { logonHeaders, logonSessionView } from '../logon-session-view.js';
import { openLogon } from '../logons.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';
import { documentedEntryPoint } from './entry-point.js';

/** The version parameter of the logon, and where the entry point lists the supported ones. */
const VERSION = 'v';
const SUPPORTED = 'SupportedVersions';

/**
 * The protocol's logon (`POST /api/sessionMngr/?v=…`): opens a logon session for the user
 * authentication accepted; the version must be the parameter's default or one the entry point lists.
 */
export const logon: Handler = ({ operation, url, state, userName }) => {
  const asked = url.searchParams.get(VERSION);
  const listed = documentedEntryPoint(state.model)[SUPPORTED];
  const known = [
    ...operation.query.filter((q) => q.name === VERSION && q.default !== undefined).map((q) => String(q.default)),
    ...(Array.isArray(listed) ? listed.map((v: { Name?: unknown }) => String(v.Name)) : []),
  ];
  if (asked !== null && !known.includes(asked)) return errorReply(state.model, HttpStatus.BadRequest, `Unsupported API version '${asked}'; supported: ${known.join(', ')}`);
  const session = openLogon(state, userName ?? [...state.users.keys()][0] ?? '');
  const success = successOf(operation);
  return {
    status: success.status,
    headers: logonHeaders(state.model, url.origin, session),
    body: { type: success.formats[0]!.body, value: logonSessionView(state.model, url.origin, session) },
  };
};
