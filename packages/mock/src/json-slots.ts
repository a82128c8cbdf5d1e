import { mapFields, type ApiModel, type ScalarType } from '@vbem/models';

/** A scalar member of a model value: the object holding it, its field name, its type in the spec. */
export interface ScalarSlot {
  readonly holder: Record<string, unknown>;
  readonly field: string;
  readonly scalar: ScalarType;
  readonly optional: boolean;
}

/**
 * The scalar members present in a value of the model type `type`: an object's own attributes and
 * scalar elements, then the objects below it, depth first (list items in order).
 * @example [...scalarSlots(model, 'ErrorBody', { Message: 'm', StatusCode: 400 })].map((s) => s.field) // ['Message', 'StatusCode']
 */
export function* scalarSlots(model: ApiModel, type: string, value: unknown): Generator<ScalarSlot> {
  const map = model.xmlMaps[type];
  if (!map || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const holder = value as Record<string, unknown>;
  for (const f of mapFields(map)) {
    if (f.scalar === undefined || ('repeated' in f && f.repeated) || ('item' in f && f.item !== undefined) || holder[f.name] === undefined) continue;
    yield { holder, field: f.name, scalar: f.scalar, optional: f.optional };
  }
  for (const e of map.elements) {
    if (e.type === undefined || holder[e.name] === undefined) continue;
    const v = holder[e.name];
    for (const item of Array.isArray(v) ? v : [v]) yield* scalarSlots(model, e.type, item);
  }
}
