import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel } from '../spec-types.js';
import { escapeAttribute, escapeText } from './escape.js';
import { plansOf, type FieldPlan, type TypePlan } from './plan.js';
import { formatScalar, type Scalar } from './scalars.js';

export interface EncodeOptions {
  /** Start with `<?xml version="1.0" encoding="utf-8"?>`. (default: false, as most documented bodies) */
  declaration?: boolean;
}

/**
 * Writes a model value as the XML body the spec documents: attributes and elements as mapped,
 * elements in spec order, in the Enterprise Manager namespace.
 * @example encode('EntityReferences', { Ref: [] }) // '<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"/>'
 */
export function encode<T extends keyof ModelTypes>(type: T, value: ModelTypes[T], options: EncodeOptions = {}): string {
  return encodeIn(builtinModel, type, value, options);
}

/** Writes a value of the type `type` of `model` (a spec other than the built-in one) as XML, straight from its plan. */
export function encodeIn(model: ApiModel, type: string, value: unknown, options: EncodeOptions = {}): string {
  const plan = plansOf(model.xmlMaps).get(type);
  if (!plan?.map.root) throw new TypeError(`${type} has no root element: it cannot be a document`);
  const body = writeObject(plan, plan.map.root, ` xmlns="${escapeAttribute(model.api.namespace)}"`, value as Record<string, unknown>);
  return options.declaration ? `<?xml version="1.0" encoding="utf-8"?>\n${body}` : body;
}

function writeObject(plan: TypePlan, name: string, extra: string, value: Record<string, unknown>): string {
  let out = `<${name}${extra}`;
  const attributes = plan.attributeFields;
  for (let i = 0; i < attributes.length; i++) {
    const v = value[attributes[i]!.name];
    if (v !== undefined && v !== null) out += plan.attributeOpeners[i] + escapeAttribute(formatScalar(v as Scalar)) + '"';
  }
  let children = '';
  for (const f of plan.fields) {
    const v = value[f.name];
    if (v === undefined || v === null) continue;
    if (f.field.repeated) for (const item of v as unknown[]) children += writeField(f, item);
    else children += writeField(f, v);
  }
  return children === '' ? `${out}/>` : `${out}>${children}</${name}>`;
}

function writeField(f: FieldPlan, value: unknown): string {
  if (f.kind === 'object') return writeObject(f.plan!, f.name, '', value as Record<string, unknown>);
  if (f.kind === 'scalar') return writeScalar(f.open, f.close, f.name, value as Scalar);
  const item = f.field.item!;
  let items = '';
  for (const v of value as unknown[]) {
    items += f.itemScalar ? writeScalar(`<${item}>`, `</${item}>`, item, v as Scalar) : writeObject(f.plan!, item, '', v as Record<string, unknown>);
  }
  return items === '' ? `<${f.name}/>` : `${f.open}${items}${f.close}`;
}

function writeScalar(open: string, close: string, name: string, value: Scalar): string {
  const text = escapeText(formatScalar(value));
  return text === '' ? `<${name}/>` : open + text + close;
}
