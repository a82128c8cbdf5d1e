import { successOf, type ApiSpec, type OperationSpec } from '@vbem/models';
import { DEFAULT_FORMAT, PAGE_PARAM } from './spec-conventions.js';

/** One resource method: its name in the resource group, and the representation it asks for. */
export interface MethodPlan {
  readonly name: string;
  /** The `format` it asks for; undefined for a paged method (whose caller picks the format) and a write method. */
  readonly format?: string;
  readonly paged: boolean;
  /** `read`: a GET of one representation; `paged`: a GET iterating pages; `write`: any other method (never retried). */
  readonly kind: 'read' | 'paged' | 'write';
}

/** `getCloudFailoverSession` → `get`: the verb an operation id starts with. */
export const verbOf = (id: string): string => /^[a-z]+/.exec(id)?.[0] ?? id;

/** Whether an operation pages its results (it takes the page parameter). */
export const isPaged = (operation: OperationSpec): boolean => operation.query.some((q) => q.name === PAGE_PARAM);

/** Whether an operation is the session lifecycle's (`client.logon()`, `client.logoff()`), not a resource method. */
export const isLifecycle = (operation: OperationSpec, api: ApiSpec): boolean => operation.id === api.protocol.logon || operation.id === api.protocol.logoff;

/**
 * The methods an operation becomes in its group (`operation.resource`): the names the operation table
 * gives (`operation.methods`, by the path rule of the README's "Method names"), one per representation of
 * a GET; a paged GET (it takes `page`) and any other method have one.
 * @example methodPlans(operations.listCloudFailoverSessions).map((m) => m.name) // ['list', 'listEntities']
 */
export function methodPlans(operation: OperationSpec): MethodPlan[] {
  const single = operation.methods[DEFAULT_FORMAT]!;
  if (operation.method !== 'GET') return [{ name: single, paged: false, kind: 'write' }];
  if (isPaged(operation)) return [{ name: single, paged: true, kind: 'paged' }];
  return successOf(operation).formats.map(({ format }) => ({ name: operation.methods[format]!, format, paged: false, kind: 'read' as const }));
}
