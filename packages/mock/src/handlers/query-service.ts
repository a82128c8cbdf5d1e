import { successOf } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { QuerySyntaxError } from '../query/query-syntax-error.js';
import { queryFaultsOf } from '../query/query-faults.js';
import { runQuery } from '../query/run-query.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';

/** A query-service operation (one with `queryFields`): filter, sort and page its collection; 400 for a query it cannot run. */
export const queryService: Handler = ({ operation, url, state, representation, fault }) => {
  try {
    return { status: successOf(operation).status, body: { type: representation!.body, value: runQuery(state, operation, url, representation!, queryFaultsOf(fault)) } };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return errorReply(state.model, HttpStatus.BadRequest, error.message);
    throw error;
  }
};
