import { successOf, type Link } from '@vbem/models';
import type { Check, CheckResult } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { modelOf } from '../exchange-model.js';
import { keptFacts } from '../kept-facts.js';
import { TASK_RUNNING } from '../spec-facts.js';
import { RELATED_REL, taskShapeOf } from '../task-facts.js';
import { operationOf, understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('action.task');

type TaskValue = Record<string, unknown> & { readonly Href?: string; readonly Links?: readonly Link[] };

/** A Task body an exchange carries, decoded (the action's answer, a poll): kept, the only bodies the check reads. Undefined for any other body. */
const taskBodies = keptFacts((exchange): TaskValue | undefined => {
  const shape = taskShapeOf(modelOf(exchange));
  const { representation, value } = understand(exchange);
  return shape !== undefined && representation?.body === shape.body ? (value as TaskValue | undefined) : undefined;
});

const pathOf = (href: string) => (URL.canParse(href) ? new URL(href).pathname.replace(/\/$/, '').toLowerCase() : href);

/**
 * action.task: an action (an operation the spec answers with a Task) answers with its documented
 * status and a Task that carries links; the Task's polls that follow go from running to finished
 * (never back), in documented states (another is a warning naming it), and the last one is
 * finished with a result; a task that succeeded links (`Related`) to what it created where the
 * spec's `task.creates` says it does. Pure over the run's exchanges: the polls are the GETs of
 * the Task's Href after the action.
 */
export const actionTask: Check = {
  id: 'action.task',
  scope: 'run',
  keep: taskBodies.keep,
  title: 'an action answers with a Task that finishes, with its result and the link to what it created',
  run: (exchange, context) => {
    const op = operationOf(exchange);
    const model = modelOf(exchange);
    const shape = taskShapeOf(model);
    if (!op?.task || !shape || exchange.probe || !exchange.response) return [];
    const success = successOf(op);
    const came = exchange.response.status;
    if (came !== success.status) return [v.failed(`expected ${success.status} with a ${shape.body} body; came ${came}`)];
    const first = taskBodies.of(exchange);
    if (first === undefined) return [v.failed(`expected a ${shape.body} body; it did not decode (see body.shape)`)];
    const results: CheckResult[] = [];
    if (!first.Links || first.Links.length === 0) results.push(v.failed(`the ${shape.body} carries no links (expected at least its own, to delete it)`));
    const taskOp = model.operations[model.api.protocol.task!]!;
    const polls = first.Href === undefined ? [] : pollsOf(context.exchanges, exchange, first.Href, successOf(taskOp).status);
    const tasks = [first, ...polls];
    const states = tasks.map((t) => String(t[shape.state]));
    const undocumented = [...new Set(states.filter((s) => !shape.states.includes(s)))];
    if (undocumented.length > 0) results.push(v.warning(`undocumented ${shape.state} ${undocumented.join(', ')} (documented: ${shape.states.join(', ')})`));
    const back = states.findIndex((s, i) => i > 0 && s === TASK_RUNNING && states[i - 1] !== TASK_RUNNING);
    if (back > 0) results.push(v.failed(`${shape.state} went back to ${TASK_RUNNING} after ${states[back - 1]} (${states.join(' → ')})`));
    const last = tasks.at(-1)!;
    if (states.at(-1) === TASK_RUNNING) {
      results.push(v.failed(`the task never finished: still ${TASK_RUNNING} after ${polls.length} poll${polls.length === 1 ? '' : 's'} (${states.join(' → ')}), when the run stopped waiting`));
      return results;
    }
    const result = shape.result === undefined ? undefined : (last[shape.result] as Record<string, unknown> | undefined);
    if (shape.result !== undefined && result === undefined) results.push(v.failed(`a finished task (${states.at(-1)}) without its ${shape.result}`));
    const succeeded = shape.success !== undefined && result?.[shape.success] === true;
    const creates = op.task.creates ?? [];
    if (succeeded && creates.length > 0) {
      const related = (last.Links ?? []).filter((l) => l.Rel === RELATED_REL);
      if (!related.some((l) => l.Type !== undefined && creates.includes(l.Type))) {
        results.push(v.failed(`a task that succeeded without a ${RELATED_REL} link to what it created (${creates.join(' or ')}); links: ${(last.Links ?? []).map((l) => l.Rel).join(', ') || 'none'}`));
      }
    }
    if (!results.some((r) => r.status === 'failed')) {
      const outcome = result === undefined || shape.success === undefined ? '' : `, ${shape.success} ${String(result[shape.success])}`;
      results.push(v.passed(`${states.join(' → ')}${outcome}`));
    }
    return results;
  },
};

/** The successful GETs of a Task's Href after the action, decoded, in order. */
function pollsOf(exchanges: readonly Exchange[], action: Exchange, href: string, status: number): TaskValue[] {
  const at = exchanges.indexOf(action);
  const path = pathOf(href);
  return exchanges
    .slice(at + 1)
    .filter((e) => e.request.method === 'GET' && !e.probe && e.response?.status === status && pathOf(e.request.url) === path)
    .flatMap((e) => {
      const value = taskBodies.of(e);
      return value === undefined ? [] : [value];
    });
}
