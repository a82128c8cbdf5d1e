import { successOf, type ApiModel } from '@vbem/models';
import { TASK_RUNNING } from './spec-facts.js';

/** The Rel of the link from a finished Task to what it created (the spec's `task.creates`). */
export const RELATED_REL = 'Related';

/** Where a Task keeps what the action.task check reads, found in the spec's map of the Task body. */
export interface TaskShape {
  /** The Task's body type. */
  readonly body: string;
  /** Its state field: the element whose documented values hold the running state. */
  readonly state: string;
  /** The documented states. */
  readonly states: readonly string[];
  /** Its result: the one optional element of a mapped type that is no list (absent while the task runs). */
  readonly result?: string;
  /** The result's required yes/no attribute: whether the task succeeded. */
  readonly success?: string;
}

/**
 * The Task's shape, read from the spec: the body of the protocol's task operation, its state field
 * and values, its result and the result's success flag.
 * @example taskShapeOf(builtinModel)?.states // the documented states, the running one among them
 */
export function taskShapeOf(model: ApiModel): TaskShape | undefined {
  const taskOp = model.api.protocol.task === undefined ? undefined : model.operations[model.api.protocol.task];
  const body = taskOp && successOf(taskOp).formats[0]?.body;
  const map = body === undefined ? undefined : model.xmlMaps[body];
  const stateField = map?.elements.find((e) => e.enum?.includes(TASK_RUNNING));
  if (!body || !map || !stateField) return undefined;
  const result = map.elements.find((e) => e.optional && e.type !== undefined && e.item === undefined && !e.repeated);
  const success = result?.type === undefined ? undefined : model.xmlMaps[result.type]?.attributes.find((a) => a.scalar === 'boolean' && !a.optional)?.name;
  return { body, state: stateField.name, states: stateField.enum!, ...(result ? { result: result.name } : {}), ...(success ? { success } : {}) };
}
