import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { QuerySyntaxError } from '../query/query-syntax-error.js';
import { runQuery } from '../query/run-query.js';
import { errorReply } from '../reply.js';
import type { Responder } from '../request-context.js';

/** `GET /api/query?type=CloudFailoverSession&…`: filter, sort and page the sessions; 400 for a query it cannot run. */
export const queryCloudFailoverSessions: Responder = ({ operation, url, state, representation }) => {
  try {
    return { status: successOf(operation).status, body: { type: 'QueryResult', value: runQuery(state, url, representation!) } };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return errorReply(HttpStatus.BadRequest, error.message);
    throw error;
  }
};
