import { successOf } from '@vbem/models';
import { viewFor } from '../entity-views.js';
import { HttpStatus } from '../http-status.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';
import { entityOf } from './entity-of.js';

/** One entity (`GET /things/{id}`), in the reference or entity form `format` asks for; 404 for an unknown id. */
export const getItem: Handler = ({ operation, url, params, state, representation }) => {
  const entity = entityOf(state, operation, params);
  if (!entity) return errorReply(state.model, HttpStatus.NotFound, `No ${operation.entity} with this id`);
  return { status: successOf(operation).status, body: { type: representation!.body, value: viewFor(state, url.origin, entity, representation!) } };
};
