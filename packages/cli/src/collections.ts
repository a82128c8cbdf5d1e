import { methodPlans, type MethodPlan } from '@vbem/client';
import { successOf, type ApiModel, type ElementField, type OperationSpec, type ScalarField, type XmlTypeMap } from '@vbem/models';

/** A collection the client can list whole: its group, the operation and the method that lists its items. */
export interface Collection {
  readonly group: string;
  readonly operation: OperationSpec;
  readonly plan: MethodPlan;
  /** The body's repeated element that holds the items, and the items' type. */
  readonly items: { readonly element: string; readonly type: string };
}

/**
 * The collections of a model, by client group: each GET about an entity with no path parameter and no
 * fixed query value (not the query service), listed in its entity form when it has one.
 * @example [...collectionsOf(builtinModel).keys()] // the client groups that list a collection
 */
export function collectionsOf(model: ApiModel): ReadonlyMap<string, Collection> {
  const out = new Map<string, Collection>();
  for (const operation of Object.values(model.operations)) {
    if (operation.method !== 'GET' || operation.entity === undefined || operation.params.length > 0 || operation.query.some((q) => q.const !== undefined)) continue;
    const formats = successOf(operation).formats;
    // The entity form when there is one: its items carry the fields; references carry only a name.
    const representation = formats.find((f) => f.format !== 'default' && itemsOf(model, f.body)?.type === operation.entity) ?? formats.find((f) => itemsOf(model, f.body) !== undefined);
    const plan = methodPlans(operation).find((p) => p.format === representation?.format);
    const items = representation && itemsOf(model, representation.body);
    if (plan && items && !out.has(operation.resource)) out.set(operation.resource, { group: operation.resource, operation, plan, items });
  }
  return out;
}

/** The repeated element of a body type, which holds a list's items. */
function itemsOf(model: ApiModel, body: string): { element: string; type: string } | undefined {
  const repeated = model.xmlMaps[body]?.elements.find((e) => e.repeated && e.type !== undefined);
  return repeated ? { element: repeated.name, type: repeated.type! } : undefined;
}

/** The fields shown when no --columns are given: the name, then what says state and size (enums, dates, numbers, booleans). */
export function defaultColumns(map: XmlTypeMap, max = 8): string[] {
  const telling = (f: ScalarField | ElementField) => f.enum !== undefined || ['dateTime', 'int', 'long', 'boolean'].includes(f.scalar ?? '');
  const fields = [...map.attributes, ...map.elements];
  const named = fields.some((f) => f.name === 'Name') ? ['Name'] : [];
  return [...named, ...fields.filter((f) => f.scalar !== undefined && telling(f)).map((f) => f.name)].slice(0, max);
}

/** The scalar fields of a type, attributes first: what --columns may name. */
export const scalarFieldsOf = (map: XmlTypeMap): string[] => [...map.attributes, ...map.elements].filter((f) => f.scalar !== undefined).map((f) => f.name);
