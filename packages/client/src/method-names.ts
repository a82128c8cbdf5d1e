import { successOf, type OperationSpec } from '@vbem/models';
import { DEFAULT_FORMAT, PAGE_PARAM } from './spec-conventions.js';

/** One resource method: its name in the resource group, and the representation it asks for. */
export interface MethodPlan {
  readonly name: string;
  /** The `format` it asks for; undefined for a paged method, whose caller picks the format. */
  readonly format?: string;
  readonly paged: boolean;
}

/** `getCloudFailoverSession` → `get`: the verb an operation id starts with. */
export const verbOf = (id: string): string => /^[a-z]+/.exec(id)?.[0] ?? id;

/** Whether an operation pages its results (it takes the page parameter). */
export const isPaged = (operation: OperationSpec): boolean => operation.query.some((q) => q.name === PAGE_PARAM);

const plural = (word: string) => (word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`);
const uncapitalize = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

/**
 * The methods a GET operation becomes in its resource group (the same rule as the `Resources` type):
 * a paged operation is named after what it finds (`queryCloudFailoverSessions` → `cloudFailoverSessions`);
 * any other gets its verb for the default representation and verb + format for the others
 * (`get`, `getEntity`; `list`, `listEntities`).
 * @example methodPlans(operations.listCloudFailoverSessions).map((m) => m.name) // ['list', 'listEntities']
 */
export function methodPlans(operation: OperationSpec): MethodPlan[] {
  const verb = verbOf(operation.id);
  if (isPaged(operation)) return [{ name: uncapitalize(operation.id.slice(verb.length)), paged: true }];
  return successOf(operation).formats.map(({ format }) => ({
    name: format === DEFAULT_FORMAT ? verb : `${verb}${verb === 'list' ? plural(format) : format}`,
    format,
    paged: false,
  }));
}
