import type { OperationSpec } from '@vbem/models';
import type { MockEntity, MockState } from '../mock-state.js';
import { lastParam } from '../last-param.js';
import { indexOf } from '../model-index.js';

/**
 * The entity an item operation or action names by its last path parameter, ids matched
 * case-insensitively; one that exists only under a parent is found under the parent the path names.
 */
export function entityOf(state: MockState, operation: OperationSpec, params: Readonly<Record<string, string>>): MockEntity | undefined {
  const param = lastParam(operation.path);
  const id = param === undefined ? undefined : params[param];
  const entity = id === undefined || operation.entity === undefined ? undefined : state.collections.get(operation.entity)?.get(id.toLowerCase());
  const index = indexOf(state.model);
  const own = entity && lastParam(index.itemOperation(entity.type)?.path ?? '');
  const expected = entity && index.itemParams(entity);
  if (!entity || !expected) return entity;
  return Object.entries(expected).every(([name, value]) => name === own || params[name]?.toLowerCase() === value) ? entity : undefined;
}
