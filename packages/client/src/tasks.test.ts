import { api, decode, encode, examples, operations, representations, type Task } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { ForeignOriginError } from './errors.js';
import { TASK_RUNNING } from './spec-conventions.js';
import { TaskFailedError, TaskTimeoutError } from './task-errors.js';

const taskOperation = operations[api.protocol.task];
const taskType = taskOperation.responses.find((r) => !r.error)!.formats[0]!.body as 'Task';
const documented = examples.filter((e) => e.type === taskType && !e.request).map((e) => decode(taskType, e.xml));
const running = documented.find((t) => t.State === TASK_RUNNING)!;
const finished = documented.find((t) => t.State !== TASK_RUNNING && t.Result?.Success === true && t.Href === running.Href)!;
const failed: Task = { ...finished, Result: { ...finished.Result!, Success: false, Message: 'Plan is already active' } };

/** A fake answering the task's GET with each of `states` in turn (the last one from then on). */
function serving(states: Task[]) {
  let polls = 0;
  const em = fakeEm((r, next) => (r.operation === taskOperation.id ? xml(200, encode(taskType, states[Math.min(polls++, states.length - 1)]!)) : next()));
  return { em, polls: () => polls };
}

const group = (client: ReturnType<typeof createClient>) => (client as unknown as Record<string, { wait(t: Task, o?: object): Promise<Task> }>)[taskOperation.resource]!;

describe.each(representations)('a client for %s', (representation) => {
  describe('tasks.wait', () => {
    const clientOf = (fetch: ReturnType<typeof fakeEm>['fetch']) => createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch });
    it('polls the Task by its own Href until it is no longer Running, and gives the final Task', async () => {
      const { em, polls } = serving([running, running, finished]);
      const final = await group(clientOf(em.fetch)).wait(running, { intervalMs: 1 });
      expect(final).toEqual(finished);
      expect(polls()).toBe(3);
      const gets = em.seen.filter((s) => s.operation === taskOperation.id);
      expect(gets.every((s) => s.method === 'GET' && s.url.href === running.Href)).toBe(true);
    });

    it('gives a task that already finished with success back without sending any request', async () => {
      const { em } = serving([finished]);
      const final = await group(clientOf(em.fetch)).wait(finished, { intervalMs: 1 });
      expect(em.seen).toEqual([]);
      expect(final).toBe(finished);
    });

    it('rejects a task that already ended failed with TaskFailedError, without sending any request', async () => {
      const { em } = serving([failed]);
      const error = await group(clientOf(em.fetch)).wait(failed, { intervalMs: 1 }).catch((e: unknown) => e);
      expect(em.seen).toEqual([]);
      expect(error).toBeInstanceOf(TaskFailedError);
      expect((error as TaskFailedError).task).toBe(failed);
    });

    it('rejects with TaskFailedError carrying the task when its Result is not a success', async () => {
      const { em } = serving([running, failed]);
      const error = await group(clientOf(em.fetch)).wait(running, { intervalMs: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaskFailedError);
      expect((error as TaskFailedError).task).toEqual(failed);
      expect((error as Error).message).toContain('Plan is already active');
    });

    it('rejects with TaskTimeoutError carrying the last task read when it still runs', async () => {
      const { em, polls } = serving([running]);
      const error = await group(clientOf(em.fetch)).wait(running, { intervalMs: 1, timeoutMs: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TaskTimeoutError);
      expect((error as TaskTimeoutError).task).toEqual(running);
      expect(polls()).toBeGreaterThan(0);
    });

    it('stops at the caller abort', async () => {
      const { em } = serving([running]);
      const controller = new AbortController();
      const reason = new Error('stop');
      const waiting = group(clientOf(em.fetch)).wait(running, { intervalMs: 1, signal: controller.signal });
      controller.abort(reason);
      await expect(waiting).rejects.toBe(reason);
    });

    it('refuses a Task whose Href is on another origin, before any request', async () => {
      const { em, polls } = serving([finished]);
      const foreign = { ...running, Href: running.Href.replace(new URL(BASE_URL).origin, 'https://evil.example') };
      await expect(group(clientOf(em.fetch)).wait(foreign, { intervalMs: 1 })).rejects.toBeInstanceOf(ForeignOriginError);
      expect(polls()).toBe(0);
    });
  });
});
