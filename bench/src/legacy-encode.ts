// The XMLBuilder-based encoder the codec had before it wrote text from its plans: the baseline of
// the encode figure, kept here only. (packages/models/test/legacy-encode.ts is the same code, the
// oracle of the test that the documented examples still encode byte for byte the same.)
import { XMLBuilder } from 'fast-xml-parser';
import { builtinModel, formatScalar, type ElementField, type Scalar, type XmlTypeMap } from '@vbem/models';

type FxpOut = Record<string, unknown>;
const maps = builtinModel.xmlMaps;
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true, processEntities: true, format: false });

export function legacyEncode(type: string, value: unknown): string {
  const map = maps[type]!;
  return builder.build([encodeObject(map.root!, map, value as Record<string, unknown>, { xmlns: builtinModel.api.namespace })]) as string;
}

function encodeObject(name: string, map: XmlTypeMap, value: Record<string, unknown>, extra: Record<string, string> = {}): FxpOut {
  const attributes: Record<string, string> = { ...extra };
  for (const a of map.attributes) {
    const v = value[a.name];
    if (v !== undefined && v !== null) attributes[a.name] = formatScalar(v as Scalar);
  }
  const children: FxpOut[] = [];
  for (const field of map.elements) {
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    if (field.repeated) for (const item of v as unknown[]) children.push(encodeElement(field, field.name, item));
    else children.push(encodeElement(field, field.name, v));
  }
  const node: FxpOut = { [name]: children };
  if (Object.keys(attributes).length > 0) node[':@'] = attributes;
  return node;
}

function encodeElement(field: ElementField, name: string, value: unknown): FxpOut {
  if (field.item !== undefined) {
    const item = { ...field, item: undefined, repeated: false };
    return { [name]: (value as unknown[]).map((v) => encodeElement(item, field.item!, v)) };
  }
  if (field.scalar) return { [name]: [{ '#text': formatScalar(value as Scalar) }] };
  return encodeObject(name, maps[field.type!]!, value as Record<string, unknown>);
}
