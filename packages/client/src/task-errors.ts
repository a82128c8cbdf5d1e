import type { Task } from '@vbem/models';
import { ClientError, LinkError } from './errors.js';

/** A Task finished with `Result Success="false"`; `task` is the final Task, its Result's Message says why. */
export class TaskFailedError extends ClientError {
  override name = 'TaskFailedError';
  readonly task: Task;

  constructor(task: Task) {
    super(`Task ${task.TaskId} (${task.Operation}) failed${task.Result?.Message ? `: ${task.Result.Message}` : ''}`);
    this.task = task;
  }
}

/** A Task was still Running when `tasks.wait` gave up; `task` is the last Task read. */
export class TaskTimeoutError extends ClientError {
  override name = 'TaskTimeoutError';
  readonly task: Task;
  readonly timeoutMs: number;

  constructor(task: Task, timeoutMs: number) {
    super(`Task ${task.TaskId} (${task.Operation}) still ${task.State} after ${timeoutMs} ms`);
    this.task = task;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * `follow` was given an action link (`Rel="Start"`, no Type): following means a GET, and an action
 * is a POST the client sends through its method. `method` names it, as `cloudCloudFailoverPlans.start`.
 */
export class ActionLinkError extends LinkError {
  override name = 'ActionLinkError';
  /** The operation id of the action. */
  readonly operation: string;
  /** The client method that sends it: `<group>.<name>`. */
  readonly method: string;

  constructor(link: { Href: string; Type?: string | undefined; Rel?: string | undefined }, operation: string, method: string, args: string) {
    super(link, 'a link to GET', `the ${link.Rel ? `${link.Rel} ` : ''}action ${operation}: call client.${method}(${args}) instead`);
    this.operation = operation;
    this.method = method;
  }
}
