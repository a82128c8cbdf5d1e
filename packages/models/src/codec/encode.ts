import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel } from '../spec-types.js';
import { ValidationError, XmlCodecError } from './errors.js';
import { escapeAttribute, escapeText } from './escape.js';
import { plansOf, type FieldPlan, type TypePlan } from './plan.js';
import { formatScalar, type Scalar } from './scalars.js';
import { Scanner } from './scanner.js';

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
  const body = writeObject(plan, plan.map.root, ` xmlns="${escapeAttribute(model.api.namespace)}"`, value as Record<string, unknown>, model.api.namespace);
  return options.declaration ? `<?xml version="1.0" encoding="utf-8"?>\n${body}` : body;
}

function writeObject(plan: TypePlan, name: string, extra: string, value: Record<string, unknown>, namespace: string): string {
  let out = `<${name}${extra}`;
  const attributes = plan.attributeFields;
  for (let i = 0; i < attributes.length; i++) {
    const v = value[attributes[i]!.name];
    if (v !== undefined && v !== null) out += plan.attributeOpeners[i] + escapeAttribute(formatScalar(v as Scalar)) + '"';
  }
  if (plan.text) {
    // Text beside the attributes: an absent optional text is an empty element.
    const text = value[plan.text.name];
    const content = text === undefined || text === null ? '' : escapeText(formatScalar(text as Scalar));
    return content === '' ? `${out}/>` : `${out}>${content}</${name}>`;
  }
  let children = '';
  for (const f of plan.fields) {
    const v = value[f.name];
    if (v === undefined || v === null) continue;
    if (f.field.repeated) for (const item of v as unknown[]) children += writeField(f, item, namespace);
    else children += writeField(f, v, namespace);
  }
  return children === '' ? `${out}/>` : `${out}>${children}</${name}>`;
}

function writeField(f: FieldPlan, value: unknown, namespace: string): string {
  if (f.kind === 'object') return writeObject(f.plan!, f.name, '', value as Record<string, unknown>, namespace);
  if (f.kind === 'raw') return writeRaw(f, value, namespace);
  if (f.kind === 'scalar') return writeScalar(f.open, f.close, f.name, value as Scalar);
  const item = f.field.item!;
  let items = '';
  for (const v of value as unknown[]) {
    items += f.itemScalar ? writeScalar(`<${item}>`, `</${item}>`, item, v as Scalar) : writeObject(f.plan!, item, '', v as Record<string, unknown>, namespace);
  }
  return items === '' ? `<${f.name}/>` : `${f.open}${items}${f.close}`;
}

/**
 * Content kept as written, written back as it is, once the Scanner has found it well-formed on its
 * own (with the API's namespace as the default): a value can never break the document around it.
 * @throws {ValidationError} when it is not.
 */
function writeRaw(f: FieldPlan, value: unknown, namespace: string): string {
  if (typeof value !== 'string') throw new ValidationError([{ path: `/${f.name}`, expected: 'XML content as a string', actual: typeof value, code: 'schema' }], `<${f.name}> holds XML content as a string`);
  try {
    const scanner = new Scanner(`<${f.name} xmlns="${escapeAttribute(namespace)}">${value}</${f.name}>`);
    scanner.readProlog();
    scanner.skip();
    scanner.readEpilog();
  } catch (error) {
    if (!(error instanceof XmlCodecError)) throw error;
    const issue = error.issues[0]!;
    throw new ValidationError([{ ...issue, path: `/${f.name}` }], `The XML content given for <${f.name}> is not well-formed on its own: expected ${issue.expected}, got ${issue.actual}`);
  }
  return value === '' ? `<${f.name}/>` : f.open + value + f.close;
}

function writeScalar(open: string, close: string, name: string, value: Scalar): string {
  const text = escapeText(formatScalar(value));
  return text === '' ? `<${name}/>` : open + text + close;
}
