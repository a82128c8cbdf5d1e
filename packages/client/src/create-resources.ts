import { listItemOf, operationUrl, successOf, type OperationSpec, type Task } from '@vbem/models';
import type { CallOptions } from './client-options.js';
import type { Requester } from './create-requester.js';
import { isLifecycle, methodPlans, type MethodPlan } from './method-names.js';
import { queryPages } from './query-pages.js';
import type { Resources, WaitOptions } from './resource-types.js';
import { DEFAULT_FORMAT } from './spec-conventions.js';
import { waitForTask } from './tasks.js';

type Method = (...args: never[]) => unknown;
type QueryValues = Record<string, string | number | boolean | undefined>;

/**
 * The resource groups, built from the model's operation table: one method per operation (per
 * representation for a GET), grouped by the operation's resource; logon and logoff are the lifecycle's.
 * The group of the protocol's task operation also gets `wait`.
 */
export function createResources(requester: Requester): Resources {
  const { model } = requester;
  const groups: Record<string, Record<string, Method>> = {};
  for (const operation of Object.values(model.operations)) {
    if (isLifecycle(operation, model.api)) continue;
    const group = (groups[operation.resource] ??= {});
    for (const plan of methodPlans(operation)) {
      if (Object.hasOwn(group, plan.name)) throw new Error(`@vbem/client: ${operation.id} and another operation of ${operation.resource} both map to the method ${plan.name}`);
      group[plan.name] = plan.kind === 'paged' ? pagedMethod(requester, operation) : plan.kind === 'write' ? writeMethod(requester, operation) : readMethod(requester, operation, plan);
    }
  }
  const taskOperation = model.api.protocol.task === undefined ? undefined : model.operations[model.api.protocol.task];
  if (taskOperation) {
    const group = (groups[taskOperation.resource] ??= {});
    if (Object.hasOwn(group, 'wait')) throw new Error(`@vbem/client: an operation of ${taskOperation.resource} maps to the method wait, which tasks.wait needs`);
    group.wait = ((task: Task, options?: WaitOptions) => guard(requester, () => waitForTask(requester, task, options))) as Method;
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return groups as unknown as Resources;
}

async function guard<T>(requester: Requester, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw requester.scrub(error);
  }
}

/** A GET of one representation; one whose body is a list also gets `items()`, its items over one response (streamed in XML). */
function readMethod(requester: Requester, operation: OperationSpec, plan: MethodPlan): Method {
  const request = (args: unknown[]) => {
    const [params, rest] = splitArgs(operation, args);
    const { signal, ...query } = (rest[0] ?? {}) as CallOptions & QueryValues;
    const format = plan.format === DEFAULT_FORMAT ? undefined : plan.format;
    const url = operationUrl(requester.baseUrl, operation, params, { ...queryOf(operation, query), [requester.model.api.formatParam]: format }, requester.model);
    return { url, signal };
  };
  const method = async (...args: unknown[]) => {
    const { url, signal } = request(args);
    return requester.call(operation, url, { signal });
  };
  const body = successOf(operation).formats.find((f) => f.format === plan.format)?.body;
  if (body === undefined || listItemOf(requester.model, body) === undefined) return method as Method;
  const items = (...args: unknown[]) => {
    const { url, signal } = request(args);
    return requester.stream(operation, url, { signal });
  };
  return Object.assign(method, { items }) as Method;
}

/** A POST, PUT or DELETE: path parameters, then the body when the operation declares one, then options. */
function writeMethod(requester: Requester, operation: OperationSpec): Method {
  return (async (...args: unknown[]) => {
    const [params, rest] = splitArgs(operation, args);
    const [value, options] = operation.requestBody ? rest : [undefined, rest[0]];
    const { signal, ...query } = (options ?? {}) as CallOptions & QueryValues;
    let body: string | undefined;
    if (operation.requestBody && value !== undefined) body = requester.codec.encode(operation.requestBody.type, value);
    else if (operation.requestBody && !operation.requestBody.optional) throw new TypeError(`${operation.id}: expected a ${operation.requestBody.type} body, got none`);
    const url = operationUrl(requester.baseUrl, operation, params, queryOf(operation, query), requester.model);
    return requester.call(operation, url, { signal, body });
  }) as Method;
}

function pagedMethod(requester: Requester, operation: OperationSpec): Method {
  return ((options: (CallOptions & QueryValues & { format?: string }) | undefined) => {
    const { signal, format, ...query } = options ?? {};
    return queryPages(requester, operation, queryOf(operation, query), format, signal);
  }) as Method;
}

/** Path parameters from the arguments: none, one positional value, or an object naming each of several; and the arguments after them. */
function splitArgs(operation: OperationSpec, args: unknown[]): [Record<string, string>, unknown[]] {
  const names = operation.params.map((p) => p.name);
  if (names.length === 0) return [{}, args];
  if (names.length === 1) {
    const value = args[0];
    if (typeof value !== 'string' || value === '') throw new TypeError(`${operation.id}: expected the ${names[0]} as a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`);
    return [{ [names[0]!]: value }, args.slice(1)];
  }
  // Several (an item under its parent item): one object naming each, so no id can take another's place.
  const given = args[0];
  if (given === null || typeof given !== 'object') throw new TypeError(`${operation.id}: expected an object of ${names.join(', ')}, got ${given === null ? 'null' : typeof given}`);
  const params = given as Record<string, unknown>;
  for (const name of names) {
    const value = params[name];
    if (typeof value !== 'string' || value === '') throw new TypeError(`${operation.id}: expected the ${name} as a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`);
  }
  return [Object.fromEntries(names.map((name) => [name, params[name] as string])), args.slice(1)];
}

/** Only the query parameters the operation documents, minus the ones the spec fixes. */
function queryOf(operation: OperationSpec, values: QueryValues): QueryValues {
  return Object.fromEntries(operation.query.filter((q) => q.const === undefined && values[q.name] !== undefined).map((q) => [q.name, values[q.name]]));
}
