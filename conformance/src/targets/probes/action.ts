import { decodeIn, formatOf, matchOperation, type ApiModel, type Link } from '@vbem/models';
import { TASK_RUNNING } from '../../spec-facts.js';
import { isWrite, protocolIds } from '../operation-kinds.js';
import type { ProbeContext, Step } from '../probe-context.js';
import type { PlannedSkip } from '../plan-probes.js';

/** Send a state-changing operation (the built-in fake, or a lab server named twice), then poll the Task it returns and GET its Related link. */
export interface ActionProbe {
  readonly kind: 'action';
  readonly operation: string;
  readonly params: readonly string[];
  readonly body?: string;
  readonly bodyType?: string;
}

/** Why a state-changing operation is not sent to a live server. */
export const CHANGES_STATE = 'changes state: never sent to a live server (only to the built-in fake, or to a lab server with labActions / --lab-actions)';
/** Why a state-changing operation that is not a documented action (no Task) is not sent to a lab server. */
export const NOT_AN_ACTION = 'changes state and is not a documented action (no Task): never sent to a live server, lab or not';

/** How long an action's Task is polled before the run stops waiting, by default. */
export const DEFAULT_TASK_DEADLINE_MS = 300_000;
/** The wait before each poll: none before the first (the built-in fake finishes a task by the next request), then doubling from 10 ms up to a second. */
const taskPollDelayMs = (poll: number) => (poll === 0 ? 0 : Math.min(1000, 10 * 2 ** (poll - 1)));

/**
 * The state-changing operations: all of them with `allowWrites` (the built-in fake); with
 * `labActions` only the documented actions (those the spec answers with a Task); each skipped
 * otherwise, or when its required body has no documented example.
 */
export function planActions(model: ApiModel, allowWrites: boolean, labActions = false): { probes: ActionProbe[]; skipped: PlannedSkip[] } {
  const probes: ActionProbe[] = [];
  const skipped: PlannedSkip[] = [];
  const protocol = protocolIds(model);
  for (const op of Object.values(model.operations).filter((o) => isWrite(o) && !protocol.has(o.id))) {
    if (!allowWrites && !(labActions && op.task !== undefined)) {
      skipped.push({ operation: op.id, reason: labActions ? NOT_AN_ACTION : CHANGES_STATE });
      continue;
    }
    const example = model.examples.find((e) => e.request === true && e.operation === op.id);
    if (op.requestBody && !op.requestBody.optional && !example) {
      skipped.push({ operation: op.id, reason: `its request body (${op.requestBody.type}) has no documented example to send` });
      continue;
    }
    probes.push({ kind: 'action', operation: op.id, params: op.params.map((p) => p.name), ...(example ? { body: example.xml, bodyType: example.type } : {}) });
  }
  return { probes, skipped };
}

/** The body of an exchange decoded with the run's model (a Task, for an action and its polls), or undefined. */
function valueOf(step: Step, model: ApiModel): unknown {
  const exchange = step.exchange;
  if (step.value !== undefined || !exchange?.response) return step.value;
  const url = new URL(exchange.request.url);
  const response = matchOperation(exchange.request.method, url, model)?.operation.responses.find((r) => r.status === exchange.response!.status);
  const representation = response && (formatOf(url, response.formats, model) ?? response.formats[0]);
  try {
    return representation ? decodeIn(model, representation.body, exchange.response.body) : undefined;
  } catch {
    return undefined; // the checks say what is wrong with it
  }
}

/** Sends a planned action on an item read before, polls the Task it returns, and GETs the Task's Related link. */
export async function runAction(probe: ActionProbe, ctx: ProbeContext): Promise<void> {
  const { model, findings } = ctx;
  const action = ctx.op(probe.operation);
  const item = Object.values(model.operations).find((o) => o.method === 'GET' && o.entity === action.entity && findings.itemParams.has(o.id));
  const params = item ? findings.itemParams.get(item.id)![0]! : {};
  if (action.params.some((p) => params[p.name] === undefined)) {
    ctx.skip(probe.operation, `no ${action.entity ?? 'item'} was read to act on`);
    return;
  }
  const constQuery = Object.fromEntries(action.query.flatMap((q) => (q.const === undefined ? [] : [[q.name, q.const]])));
  const step = await ctx.act(action.method, ctx.urlOf(action, params, constQuery), probe.body);
  const first = valueOf(step, model) as { Href?: string; State?: string; Links?: readonly Link[] } | undefined;
  let task = first;
  const deadline = performance.now() + ctx.taskDeadlineMs;
  // Polled until it is no longer Running or the deadline has passed (action.task then says it never finished).
  for (let poll = 0; task?.Href !== undefined && task.State === TASK_RUNNING && performance.now() < deadline; poll++) {
    await new Promise((r) => setTimeout(r, Math.min(taskPollDelayMs(poll), Math.max(0, deadline - performance.now()))));
    const url = ctx.resolve(task.Href);
    if (!url) break;
    task = valueOf(await ctx.get(url), model) as typeof task;
  }
  if (task?.Href !== undefined && task === first) {
    // Not Running at once: still GET the Task once, as a client would.
    const url = ctx.resolve(task.Href);
    if (url) task = valueOf(await ctx.get(url), model) as typeof task;
  }
  const related = task?.Links?.find((l) => l.Rel === 'Related');
  const relatedUrl = related && ctx.resolve(related.Href);
  if (relatedUrl) await ctx.get(relatedUrl);
}
