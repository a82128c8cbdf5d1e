import { successOf } from '@vbem/models';
import { listBody } from '../entity-views.js';
import { HttpStatus } from '../http-status.js';
import { indexOf } from '../model-index.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';

/** A sub-collection (`GET /things/{id}/parts`): the entities of its type that refer to the parent; 404 when the parent does not exist. */
export const listSubCollection: Handler = ({ operation, url, params, state, representation }) => {
  const parent = indexOf(state.model).parentOf(operation);
  const parentId = parent === undefined ? undefined : params[parent.param]?.toLowerCase();
  if (!parent || parentId === undefined || !state.collections.get(parent.type)?.has(parentId)) {
    return errorReply(state.model, HttpStatus.NotFound, `No ${parent?.type ?? 'parent'} with this id`);
  }
  const type = operation.entity!;
  const entities = [...(state.collections.get(type)?.values() ?? [])].filter((e) => e.refs[parent.type] === parentId);
  return { status: successOf(operation).status, body: { type: representation!.body, value: listBody(state, url.origin, type, entities, representation!) } };
};
