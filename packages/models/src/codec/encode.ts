import { XMLBuilder } from 'fast-xml-parser';
import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel, ElementField, XmlTypeMap } from '../spec-types.js';
import { formatScalar, type Scalar } from './scalars.js';

type FxpOut = Record<string, unknown>;
type Maps = ApiModel['xmlMaps'];

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  suppressEmptyNode: true,
  processEntities: true,
  format: false,
});

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

/** Writes a value of the type `type` of `model` (a spec other than the built-in one) as XML. */
export function encodeIn(model: ApiModel, type: string, value: unknown, options: EncodeOptions = {}): string {
  const maps = model.xmlMaps;
  const map = maps[type];
  if (!map?.root) throw new TypeError(`${type} has no root element: it cannot be a document`);
  const root = encodeObject(maps, map.root, map, value as Record<string, unknown>, { xmlns: model.api.namespace });
  const body = builder.build([root]) as string;
  return options.declaration ? `<?xml version="1.0" encoding="utf-8"?>\n${body}` : body;
}

function encodeObject(maps: Maps, name: string, map: XmlTypeMap, value: Record<string, unknown>, extra: Record<string, string> = {}): FxpOut {
  const attributes: Record<string, string> = { ...extra };
  for (const a of map.attributes) {
    const v = value[a.name];
    if (v !== undefined && v !== null) attributes[a.name] = formatScalar(v as Scalar);
  }
  const children: FxpOut[] = [];
  for (const field of map.elements) {
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    if (field.repeated) for (const item of v as unknown[]) children.push(encodeElement(maps, field, field.name, item));
    else children.push(encodeElement(maps, field, field.name, v));
  }
  const node: FxpOut = { [name]: children };
  if (Object.keys(attributes).length > 0) node[':@'] = attributes;
  return node;
}

function encodeElement(maps: Maps, field: ElementField, name: string, value: unknown): FxpOut {
  if (field.item !== undefined) {
    const item = { ...field, item: undefined, repeated: false };
    return { [name]: (value as unknown[]).map((v) => encodeElement(maps, item, field.item!, v)) };
  }
  if (field.scalar) return { [name]: [{ '#text': formatScalar(value as Scalar) }] };
  return encodeObject(maps, name, maps[field.type!]!, value as Record<string, unknown>);
}
