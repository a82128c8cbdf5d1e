import type { ApiModel, OperationSpec } from '@vbem/models';
import { formatsOf } from '../operation-kinds.js';

/**
 * The format of a query operation whose page holds the entities themselves (their fields, not only
 * references): the one named after the element of the result that holds them, directly or in a
 * wrapper of per-type lists.
 */
export function entitiesFormatOf(model: ApiModel, op: OperationSpec): string | undefined {
  const success = op.responses.find((r) => !r.error);
  return formatsOf(op).find((format) => {
    const body = success?.formats.find((f) => f.format === format)?.body;
    const holder = body === undefined ? undefined : model.xmlMaps[body]?.elements.find((e) => e.name.toLowerCase() === format.toLowerCase());
    if (!holder?.type) return false;
    return holder.type === op.entity || (model.xmlMaps[holder.type]?.elements.some((e) => e.type === op.entity) ?? false);
  });
}
