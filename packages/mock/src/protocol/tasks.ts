import { operationUrl, successOf, type OperationSpec } from '@vbem/models';
import { admits } from '../admits.js';
import { indexOf } from '../model-index.js';
import { makeEntity } from '../make-entity.js';
import type { MockEntity, MockState, MockTask } from '../mock-state.js';
import { createPrng, seedOf } from '../prng.js';
import { Head, LinkAttr, Rel } from '../protocol-names.js';
import type { Reply } from '../reply.js';
import { lastParam } from '../last-param.js';

/** How long a task stays Running when `tasks.runMs` is not given: finished at its first GET. */
export const DEFAULT_TASK_RUN_MS = 0;

/** The Task's own fields (the protocol's Task body). */
const TaskField = { TaskId: 'TaskId', State: 'State', Operation: 'Operation', Result: 'Result', Success: 'Success', Message: 'Message' } as const;
const TaskState = { Running: 'Running', Finished: 'Finished' } as const;

/** Starts a task of an action on an entity; it is kept in `state.tasks` as `task-<n>`. */
export function startTask(state: MockState, operation: OperationSpec, entity: MockEntity, outcome: MockTask['outcome'], runMs = DEFAULT_TASK_RUN_MS, now = Date.now()): MockTask {
  const task: MockTask = {
    id: `task-${state.tasks.size + 1}`,
    operation: operation.id,
    entity: { type: entity.type, id: entity.id },
    createdAt: now,
    runMs,
    outcome,
    state: TaskState.Running,
  };
  state.tasks.set(task.id, task);
  if (outcome !== 'hang') pendingOf(state).add(task);
  return task;
}

/** The tasks still to finish, per state: a request looks at those only, not at every task ever started. */
const pending = new WeakMap<MockState, Set<MockTask>>();
const pendingOf = (state: MockState) => {
  let set = pending.get(state);
  if (!set) pending.set(state, (set = new Set()));
  return set;
};

/**
 * Finishes the tasks whose time has come (not the hanging ones): a successful one creates an entity
 * of the first type of its operation's `task.creates` whose `where` admits the entity acted on (or
 * of the first), referring to that entity.
 */
export function settleTasks(state: MockState, now = Date.now()): void {
  const due = pending.get(state);
  if (!due || due.size === 0) return;
  for (const task of due) {
    if (task.state !== TaskState.Running) due.delete(task);
    if (task.state !== TaskState.Running || now - task.createdAt < task.runMs) continue;
    due.delete(task);
    task.state = TaskState.Finished;
    task.success = task.outcome === 'succeed';
    const operation = state.model.operations[task.operation];
    const name = operation?.task?.operation ?? task.operation;
    task.message = task.success ? `${name} finished` : `${name} failed: a failure injected by the mock`;
    const index = indexOf(state.model);
    const actedOn = state.collections.get(task.entity.type)?.get(task.entity.id);
    const candidates = operation?.task?.creates ?? [];
    const creates = candidates.find((type) => actedOn !== undefined && admits(index.map(type), actedOn)) ?? candidates[0];
    const collection = creates === undefined ? undefined : (state.collections.get(creates) as Map<string, MockEntity> | undefined);
    if (task.success && creates !== undefined && collection) {
      const id = createPrng(seedOf(`${task.id}:${task.entity.id}:${collection.size}`)).guid();
      const world = { index, collections: state.collections, now: new Date(now), timestamps: state.timestamps };
      collection.set(id, makeEntity(world, creates, id, collection.size + 1, undefined, { [task.entity.type]: task.entity.id }));
      task.related = { type: creates, id };
    }
  }
}

/** The Task body of a task: Running, or Finished with its Result; a Delete link, and a Related link to what it created. */
export function taskView(state: MockState, origin: string, task: MockTask): Record<string, unknown> {
  const model = state.model;
  const index = indexOf(model);
  const taskOp = model.api.protocol.task === undefined ? undefined : model.operations[model.api.protocol.task];
  const param = taskOp && lastParam(taskOp.path);
  const href = taskOp && param ? operationUrl(origin, taskOp, { [param]: task.id }, {}, model).href : `${origin}${model.api.basePath}/`;
  const type = taskOp ? successOf(taskOp).formats[0]?.linkType : undefined;
  const links: Record<string, unknown>[] = [{ [LinkAttr.Rel]: Rel.Delete, [LinkAttr.Href]: href, ...(type ? { [LinkAttr.Type]: type } : {}) }];
  if (task.related) {
    const created = state.collections.get(task.related.type)?.get(task.related.id);
    const representation = index.entityRepresentation(task.related.type);
    const relatedHref = created && index.hrefOf(origin, created, representation?.format ?? 'default');
    if (created && relatedHref) {
      const name = created.fields[Head.Name];
      links.push({ [LinkAttr.Rel]: Rel.Related, [LinkAttr.Href]: relatedHref, ...(typeof name === 'string' ? { [LinkAttr.Name]: name } : {}), ...(representation?.linkType ? { [LinkAttr.Type]: representation.linkType } : {}) });
    }
  }
  const operation = model.operations[task.operation];
  return {
    [Head.Href]: href,
    ...(type ? { [Head.Type]: type } : {}),
    [Head.Links]: links,
    [TaskField.TaskId]: task.id,
    [TaskField.State]: task.state,
    [TaskField.Operation]: operation?.task?.operation ?? task.operation,
    ...(task.state === TaskState.Finished ? { [TaskField.Result]: { [TaskField.Success]: task.success === true, [TaskField.Message]: task.message ?? '' } } : {}),
  };
}

/** The reply of an operation that answers with a task (an action's 202, the GET of a task). */
export function taskReply(state: MockState, origin: string, operation: OperationSpec, task: MockTask): Reply {
  const success = successOf(operation);
  const body = success.formats[0]?.body;
  return { status: success.status, ...(body ? { body: { type: body, value: taskView(state, origin, task) } } : {}) };
}
