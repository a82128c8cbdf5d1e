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

const plural = (word: string) => (word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`);
const singular = (word: string) => (word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') ? word.slice(0, -1) : word);
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const uncapitalize = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

/**
 * The id after its verb, without the resource's noun at its start (plural first, then singular):
 * `listBackupSessionTaskSessions` of `backupSessions` → `TaskSessions`; `startCloudFailoverPlan` of `cloudFailoverPlans` → ``.
 */
export function restOf(operation: OperationSpec): string {
  const rest = operation.id.slice(verbOf(operation.id).length);
  const noun = capitalize(operation.resource);
  for (const prefix of [noun, singular(noun)]) if (rest.startsWith(prefix)) return rest.slice(prefix.length);
  return rest;
}

/**
 * The methods an operation becomes in its resource group (`operation.resource`), the same rule as the
 * `Resources` type:
 * - a paged GET (it takes `page`) is named after what it finds: the id without its verb, uncapitalised
 *   (`queryCloudFailoverSessions` → `cloudFailoverSessions`);
 * - any other GET gets `verb + rest` for the default representation and `verb + rest + format` for each
 *   other one, the format in the plural after `list` (`get`, `getEntity`; `list`, `listEntities`;
 *   `listTaskSessions`, `listTaskSessionsEntities`);
 * - any other method is `verb + rest` (`startCloudFailoverPlan` → `start`).
 * `rest` is the id after the verb without the resource's noun (see `restOf`).
 * @example methodPlans(operations.listCloudFailoverSessions).map((m) => m.name) // ['list', 'listEntities']
 */
export function methodPlans(operation: OperationSpec): MethodPlan[] {
  const verb = verbOf(operation.id);
  const base = `${verb}${restOf(operation)}`;
  if (operation.method !== 'GET') return [{ name: base, paged: false, kind: 'write' }];
  if (isPaged(operation)) return [{ name: uncapitalize(operation.id.slice(verb.length)), paged: true, kind: 'paged' }];
  return successOf(operation).formats.map(({ format }) => ({
    name: format === DEFAULT_FORMAT ? base : `${base}${verb === 'list' ? plural(format) : format}`,
    format,
    paged: false,
    kind: 'read' as const,
  }));
}
