import { matchOperation, type Task } from '@vbem/models';
import type { Requester } from './create-requester.js';
import { LinkError } from './errors.js';
import { ownUrl } from './follow-link.js';
import type { WaitOptions } from './resource-types.js';
import { sleep } from './sleep.js';
import { TASK_RUNNING } from './spec-conventions.js';
import { TaskFailedError, TaskTimeoutError } from './task-errors.js';

/** The defaults of `tasks.wait`. */
export const WAIT_DEFAULTS = { timeoutMs: 10 * 60_000, intervalMs: 1000 } as const;

/**
 * Polls a Task by its own Href (a GET of the protocol's task operation, on the client's origin only)
 * until its State is not Running, and gives the final Task.
 * @throws {TaskFailedError} when it finished with Result Success false.
 * @throws {TaskTimeoutError} when it still runs after `timeoutMs` (carrying the last Task read).
 */
export async function waitForTask(requester: Requester, task: Task, options: WaitOptions = {}): Promise<Task> {
  const { timeoutMs = WAIT_DEFAULTS.timeoutMs, intervalMs = WAIT_DEFAULTS.intervalMs, signal } = options;
  const taskOperation = requester.model.api.protocol.task;
  if (taskOperation === undefined) throw new TypeError('tasks.wait: the model names no task operation in its protocol');
  const deadline = Date.now() + timeoutMs;
  let current = task;
  for (;;) {
    if (current.State !== TASK_RUNNING) {
      if (current.Result?.Success === false) throw new TaskFailedError(current);
      return current;
    }
    if (Date.now() >= deadline) throw new TaskTimeoutError(current, timeoutMs);
    await sleep(Math.max(0, Math.min(intervalMs, deadline - Date.now())), signal);
    const link = { Href: current.Href, Type: current.Type };
    const url = ownUrl(requester, link);
    const match = matchOperation('GET', url, requester.model);
    if (match?.operation.id !== taskOperation) throw new LinkError(link, `the URL of ${taskOperation}`, match ? `the URL of ${match.operation.id}` : 'a URL no operation of the spec serves');
    current = (await requester.call(match.operation, url, { signal })) as Task;
  }
}
