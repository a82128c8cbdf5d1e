import { doc, header } from './header.js';
import type { FieldDef, Spec } from './spec-model.js';

/** TS types for the scalars: their JSDoc tags become JSON Schema keywords (typescript-json-schema). */
export const scalarTypes = `/**
 * An integer.
 * @TJS-type integer
 */
export type Int = number;
/**
 * A 64-bit integer (xs:long), such as a size in bytes; decoding refuses one a JS number cannot hold exactly.
 * @TJS-type integer
 */
export type Long = number;
/**
 * A GUID, as in resource URLs.
 * @format uuid
 */
export type Guid = string;
/**
 * A Veeam UID, \`urn:veeam:<Type>:<id>\`.
 * @pattern ^urn:veeam:[A-Za-z_0-9-]+:[A-Za-z_0-9-]+$
 */
export type Uid = string;
/**
 * An absolute URL.
 * @format uri
 */
export type Url = string;
/** The content of an element the spec documents but does not model, as written: XML text, checked to be well-formed. */
export type XmlContent = string;
`;

const SCALAR_TS: Record<string, string> = {
  string: 'string',
  int: 'Int',
  long: 'Long',
  boolean: 'boolean',
  dateTime: 'Date',
  guid: 'Guid',
  uid: 'Uid',
  url: 'Url',
  xml: 'XmlContent',
};

const fieldType = (f: FieldDef) => {
  const base = SCALAR_TS[f.type] ?? f.type;
  return f.item || f.repeated ? `${base}[]` : base;
};

const where = (f: FieldDef, kind: 'attribute' | 'element') =>
  kind === 'attribute' ? `The ${f.name} attribute.` : `The <${f.name}> element${f.item ? `, a list of <${f.item}>` : ''}.`;

const field = (f: FieldDef, kind: 'attribute' | 'element') =>
  doc(f.summary ?? where(f, kind), '  ') +
  `  ${f.name}${f.optional && !f.repeated ? '?' : ''}: ${fieldType(f)};\n`;

/** `types.gen.ts`: one TS type per spec type, fields named as the XML names them. */
export function generateTypes(spec: Spec): string {
  let out = header('types') + '\n' + scalarTypes;
  for (const t of spec.types) {
    out += '\n' + doc(t.summary);
    if (t.kind === 'enum') {
      out += `export type ${t.name} = ${t.values.map((v) => `'${v}'`).join(' | ')};\n`;
      continue;
    }
    out += `export interface ${t.name}${t.extends ? ` extends ${t.extends}` : ''} {\n`;
    for (const a of t.attributes) out += field(a, 'attribute');
    for (const e of t.elements) out += field(e, 'element');
    if (t.text) out += doc(t.text.summary ?? 'The element\'s text.', '  ') + `  ${t.text.name}${t.text.optional ? '?' : ''}: ${fieldType(t.text)};\n`;
    out += '}\n';
  }
  const objects = spec.types.filter((t) => t.kind === 'object');
  out += '\n/** Every model type by its spec name. */\nexport interface ModelTypes {\n';
  out += objects.map((t) => `  ${t.name}: ${t.name};\n`).join('') + '}\n';
  return out;
}
