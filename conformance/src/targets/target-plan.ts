import { successOf, type OperationSpec } from '@vbem/models';
import { allOperations } from '../spec-facts.js';

/** What the server target asks, derived from the operation table. */

/** The session-protected collections: GETs with neither path parameters nor a fixed query type. */
export const listOperations: readonly OperationSpec[] = allOperations.filter(
  (op) => op.method === 'GET' && op.auth === 'session' && op.params.length === 0 && !op.query.some((q) => q.const !== undefined),
);

/** The query-service operations: GETs with a fixed `type` query value. */
export const queryOperations: readonly OperationSpec[] = allOperations.filter(
  (op) => op.method === 'GET' && op.query.some((q) => q.const !== undefined),
);

/** The representations an operation's success response documents. */
export const formatsOf = (op: OperationSpec): string[] => successOf(op).formats.map((f) => f.format);
