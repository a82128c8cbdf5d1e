import { operations, operationUrl, type OperationSpec } from '@vbem/models';
import type { CallOptions } from './client-options.js';
import type { Requester } from './create-requester.js';
import { methodPlans, type MethodPlan } from './method-names.js';
import { queryPages } from './query-pages.js';
import type { Resources } from './resource-types.js';
import { DEFAULT_FORMAT, FORMAT_PARAM } from './spec-conventions.js';

type Method = (...args: never[]) => unknown;
type QueryValues = Record<string, string | number | boolean | undefined>;

/**
 * The resource groups, built from the operation table: one method per GET operation and
 * representation, grouped by the operation's resource.
 */
export function createResources(requester: Requester): Resources {
  const groups: Record<string, Record<string, Method>> = {};
  for (const operation of Object.values(operations) as OperationSpec[]) {
    if (operation.method !== 'GET') continue;
    const group = (groups[operation.resource] ??= {});
    for (const plan of methodPlans(operation)) {
      if (plan.name in group) throw new Error(`@vbem/client: ${operation.id} and another operation of ${operation.resource} both map to the method ${plan.name}`);
      group[plan.name] = plan.paged ? pagedMethod(requester, operation) : readMethod(requester, operation, plan);
    }
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return groups as unknown as Resources;
}

function readMethod(requester: Requester, operation: OperationSpec, plan: MethodPlan): Method {
  return (async (...args: unknown[]) => {
    const [params, options] = splitArgs(operation, args);
    const { signal, ...query } = (options ?? {}) as CallOptions & QueryValues;
    const format = plan.format === DEFAULT_FORMAT ? undefined : plan.format;
    const url = operationUrl(requester.baseUrl, operation, params, { ...queryOf(operation, query), [FORMAT_PARAM]: format });
    return requester.call(operation, url, { signal });
  }) as Method;
}

function pagedMethod(requester: Requester, operation: OperationSpec): Method {
  return ((options: (CallOptions & QueryValues & { format?: string }) | undefined) => {
    const { signal, format, ...query } = options ?? {};
    return queryPages(requester, operation, queryOf(operation, query), format, signal);
  }) as Method;
}

/** Path parameters from the arguments: none, one positional value, or an object of several. */
function splitArgs(operation: OperationSpec, args: unknown[]): [Record<string, string>, unknown] {
  const names = operation.params.map((p) => p.name);
  if (names.length === 0) return [{}, args[0]];
  if (names.length === 1) {
    const value = args[0];
    if (typeof value !== 'string' || value === '') throw new TypeError(`${operation.id}: expected the ${names[0]} as a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`);
    return [{ [names[0]!]: value }, args[1]];
  }
  return [args[0] as Record<string, string>, args[1]];
}

/** Only the query parameters the operation documents, minus the ones the spec fixes. */
function queryOf(operation: OperationSpec, values: QueryValues): QueryValues {
  return Object.fromEntries(operation.query.filter((q) => q.const === undefined && values[q.name] !== undefined).map((q) => [q.name, values[q.name]]));
}
