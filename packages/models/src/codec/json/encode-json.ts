import type { ModelTypes } from '../../generated/types.gen.js';
import { builtinModel } from '../../model.js';
import type { ApiModel } from '../../spec-types.js';
import { formatScalar, type Scalar } from '../scalars.js';
import type { KeyCasing } from './json-names.js';
import { jsonPlansOf, type JsonProperty, type JsonTypePlan } from './json-plan.js';

export interface JsonEncodeOptions {
  /** The keys' casing: the documented PascalCase, or camelCase as EM 13 writes them. (default: 'PascalCase') */
  casing?: KeyCasing;
  /** Write absent fields as `null`, as EM 10 and later do; 9.5 leaves them out. (default: false) */
  nulls?: boolean;
}

/**
 * Writes a model value as the JSON body the spec's rules derive from its XML map (no root name,
 * repeated elements as arrays named by their plural, wrapper lists wrapped twice where the spec
 * says so), on one line as the server writes it.
 * @example encodeJson('EntityReferences', { Ref: [] }) // '{"Refs":[]}'
 */
export function encodeJson<T extends keyof ModelTypes>(type: T, value: ModelTypes[T], options: JsonEncodeOptions = {}): string {
  return encodeJsonIn(builtinModel, type, value, options);
}

/** Writes a value of the type `type` of `model` (a spec other than the built-in one) as JSON. */
export function encodeJsonIn(model: ApiModel, type: string, value: unknown, options: JsonEncodeOptions = {}): string {
  const plan = jsonPlansOf(model).get(type);
  if (!plan) throw new TypeError(`No map for the type '${type}'`);
  return JSON.stringify(toJson(plan, value as Record<string, unknown>, options.casing === 'camelCase', options.nulls === true));
}

/** The plain object JSON.stringify writes: elements in spec order, then attributes, as .NET writes an entity's own fields before its base's. */
function toJson(plan: JsonTypePlan, value: Record<string, unknown>, camel: boolean, nulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of plan.properties) {
    const v = value[p.field];
    const key = camel ? p.camel : p.name;
    if (v === undefined || v === null) {
      if (nulls) out[key] = null;
      continue;
    }
    out[key] = property(p, v, camel, nulls);
  }
  return out;
}

function property(p: JsonProperty, v: unknown, camel: boolean, nulls: boolean): unknown {
  const item = (x: unknown) => (p.plan ? toJson(p.plan, x as Record<string, unknown>, camel, nulls) : scalar(x as Scalar));
  switch (p.kind) {
    case 'scalar':
      return scalar(v as Scalar);
    case 'object':
      return toJson(p.plan!, v as Record<string, unknown>, camel, nulls);
    case 'raw':
      return v;
    case 'array':
      return (v as unknown[]).map(item);
    case 'wrapped':
      return { [camel ? p.inner!.camel : p.inner!.name]: (v as unknown[]).map(item) };
  }
}

/** Numbers and booleans stay JSON numbers and booleans; a date-time is its text, every digit of a fraction kept. */
const scalar = (v: Scalar): unknown => (v instanceof Date ? formatScalar(v) : v);
