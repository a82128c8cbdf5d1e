// The XMLBuilder-based encoder the codec had before it wrote text straight from its plans: the
// oracle for "encode's output did not change for the documented examples". Not part of the package.
import { XMLBuilder } from 'fast-xml-parser';
import type { ApiModel, ElementField, XmlTypeMap } from '../src/spec-types.js';
import { formatScalar, type Scalar } from '../src/codec/scalars.js';

type FxpOut = Record<string, unknown>;
type Maps = ApiModel['xmlMaps'];

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true, processEntities: true, format: false });

/** encodeIn as it was: a tree for fast-xml-parser's XMLBuilder, then its text. */
export function legacyEncodeIn(model: ApiModel, type: string, value: unknown): string {
  const map = model.xmlMaps[type]!;
  raws.length = 0;
  const text = builder.build([encodeObject(model.xmlMaps, map.root!, map, value as Record<string, unknown>, { xmlns: model.api.namespace })]) as string;
  // Content kept as written (type: xml) goes in after the builder, which would escape it.
  return text.replace(/<([\w:]+)>\u0001(\d+)\u0001<\/\1>/g, (_m, name: string, i: string) => (raws[Number(i)] === '' ? `<${name}/>` : `<${name}>${raws[Number(i)]}</${name}>`));
}

/** The raw contents of the value being built, by their placeholder's number. */
const raws: string[] = [];

function encodeObject(maps: Maps, name: string, map: XmlTypeMap, value: Record<string, unknown>, extra: Record<string, string> = {}): FxpOut {
  const attributes: Record<string, string> = { ...extra };
  for (const a of map.attributes) {
    const v = value[a.name];
    if (v !== undefined && v !== null) attributes[a.name] = formatScalar(v as Scalar);
  }
  const children: FxpOut[] = [];
  // Text beside the attributes (the builder never saw one; written as it would have written text).
  const text = map.text === undefined ? undefined : value[map.text.name];
  if (text !== undefined && text !== null) children.push({ '#text': formatScalar(text as Scalar) });
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
  if (field.raw) return { [name]: [{ '#text': `\u0001${raws.push(value as string) - 1}\u0001` }] };
  return encodeObject(maps, name, maps[field.type!]!, value as Record<string, unknown>);
}
