import { HttpStatus } from '../http-status.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';
import { taskReply } from './tasks.js';

/** The protocol's `task` operation (`GET` one Task): its state now; 404 for an unknown task. */
export const getTask: Handler = ({ operation, url, params, state }) => {
  const id = Object.values(params)[0] ?? '';
  const task = state.tasks.get(id) ?? [...state.tasks.values()].find((t) => t.id.toLowerCase() === id.toLowerCase());
  if (!task) return errorReply(state.model, HttpStatus.NotFound, 'No task with this id');
  return taskReply(state, url.origin, operation, task);
};
