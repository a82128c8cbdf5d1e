import type { OperationSpec } from '@vbem/models';
import type { MockEntity, MockState } from '../mock-state.js';
import { lastParam } from '../last-param.js';

/** The entity an item operation or action names by its last path parameter, ids matched case-insensitively. */
export function entityOf(state: MockState, operation: OperationSpec, params: Readonly<Record<string, string>>): MockEntity | undefined {
  const param = lastParam(operation.path);
  const id = param === undefined ? undefined : params[param];
  return id === undefined || operation.entity === undefined ? undefined : state.collections.get(operation.entity)?.get(id.toLowerCase());
}
