import { XmlCodecError } from '@vbem/models';
import { HttpStatus } from '../http-status.js';
import { startTask, taskReply } from '../protocol/tasks.js';
import { errorReply } from '../reply.js';
import { decodeRequestBody } from '../decode-request-body.js';
import type { Handler } from '../request-context.js';
import { entityOf } from './entity-of.js';

/**
 * An action (`POST /things/{id}?action=…`): the request body decoded strictly when the operation
 * has one, as JSON when its Content-Type says so, else as XML (400 when it is missing or bad), then a Task that runs in the background; 404 for an unknown id.
 */
export const runAction: Handler = async ({ operation, url, params, state, options, fault, request }) => {
  const entity = entityOf(state, operation, params);
  if (!entity) return errorReply(state.model, HttpStatus.NotFound, `No ${operation.entity} with this id`);
  if (operation.requestBody) {
    const bytes = (await request.body?.()) ?? new Uint8Array();
    if (bytes.byteLength === 0) {
      if (!operation.requestBody.optional) return errorReply(state.model, HttpStatus.BadRequest, `The request needs a ${operation.requestBody.type} body`);
    } else {
      try {
        decodeRequestBody(state.model, operation.requestBody.type, bytes, request.headers.get('Content-Type'));
      } catch (error) {
        if (error instanceof XmlCodecError) return errorReply(state.model, HttpStatus.BadRequest, `The request body is not a valid ${operation.requestBody.type}: ${error.message}`);
        throw error;
      }
    }
  }
  const task = startTask(state, operation, entity, fault?.task ?? 'succeed', options.tasks?.runMs);
  return taskReply(state, url.origin, operation, task);
};
