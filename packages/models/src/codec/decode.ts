import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel, ElementField, ScalarField, XmlTypeMap } from '../spec-types.js';
import { checkSyntax } from './check-syntax.js';
import { BodyTooLargeError, NamespaceError, NotXmlError, RootElementError, XmlShapeError, type CodecIssue } from './errors.js';
import { decodeEntities, parser, qnameOf, type FxpNode } from './fxp.js';
import { EXPECTED, parseScalar } from './scalars.js';
import { checkSchema } from './validate.js';

export type ModelName = keyof ModelTypes;

export interface DecodeOptions {
  /** Refuse unknown elements and attributes, stray text and undocumented enum values instead of warning. (default: false) */
  strict?: boolean;
  /** The largest body accepted, in bytes. (default: 16 MiB) */
  maxBytes?: number;
  /** Receives each departure tolerated in lenient mode. (default: none: they are dropped) */
  onWarning?: (issue: CodecIssue) => void;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const LENIENT_CODES = new Set(['unknown', 'text', 'enum']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Context {
  readonly issues: CodecIssue[];
  readonly strict: boolean;
  readonly maps: ApiModel['xmlMaps'];
  readonly namespace: string;
}

type Scope = Readonly<Record<string, string | undefined>>;

/** Field lookups by name, built once per map: decoding asks for them for every attribute and element. */
interface Lookup {
  readonly attributes: ReadonlyMap<string, ScalarField>;
  readonly elements: ReadonlyMap<string, number>;
}
const lookups = new WeakMap<XmlTypeMap, Lookup>();
function lookupOf(map: XmlTypeMap): Lookup {
  let lookup = lookups.get(map);
  if (!lookup) {
    lookup = {
      attributes: new Map(map.attributes.map((a) => [a.name, a])),
      elements: new Map(map.elements.map((e, i) => [e.name, i])),
    };
    lookups.set(map, lookup);
  }
  return lookup;
}

/**
 * Decodes an XML body into the model `type`, as the spec maps it, and validates it.
 * @throws {XmlCodecError} a subclass naming what went wrong, with the issues found.
 * @example const list = decode('EntityReferences', xml); list.Ref[0]?.Name
 */
export function decode<T extends ModelName>(type: T, body: string | Uint8Array, options: DecodeOptions = {}): ModelTypes[T] {
  return decodeIn(builtinModel, type, body, options) as ModelTypes[T];
}

/**
 * Decodes an XML body into the type `type` of `model` (a spec other than the built-in one).
 * @throws {XmlCodecError} a subclass naming what went wrong, with the issues found.
 */
export function decodeIn(model: ApiModel, type: string, body: string | Uint8Array, options: DecodeOptions = {}): unknown {
  const map = model.xmlMaps[type];
  if (!map) throw new TypeError(`No XML map for the type '${type}'`);
  const namespace = model.api.namespace;
  const xml = toText(body, options.maxBytes ?? DEFAULT_MAX_BYTES);
  checkSyntax(xml);
  const nodes = parser.parse(xml) as FxpNode[];
  const root = nodes.find((n) => !qnameOf(n).startsWith('?'))!;
  const qname = qnameOf(root);
  const scope = withDeclarations({}, root[':@']);
  const name = localName(qname);
  const ns = namespaceOf(qname, scope);
  if (ns !== namespace) {
    throw new NamespaceError(
      [{ path: `/${name}`, expected: `namespace ${namespace}`, actual: ns === undefined ? 'no namespace' : `namespace ${ns}`, code: 'namespace' }],
      `The document element <${qname}> is not in the Enterprise Manager namespace`,
    );
  }
  if (name !== map.root) {
    throw new RootElementError([{ path: `/${name}`, expected: `<${map.root}>`, actual: `<${name}>`, code: 'root' }], `Expected a ${type} document`);
  }
  const ctx: Context = { issues: [], strict: options.strict === true, maps: model.xmlMaps, namespace };
  const value = decodeObject(root, qname, map, scope, `/${name}`, ctx);
  const fatal = (i: CodecIssue) => ctx.strict || !LENIENT_CODES.has(i.code);
  // The schema is the second line: it catches what the map does not (URL formats); run it on sound values only.
  // Enums the map has checked already, with lenient mode's leeway. Only the built-in model has a schema.
  if (model === builtinModel && !ctx.issues.some(fatal)) ctx.issues.push(...checkSchema(type as ModelName, value).filter((i) => i.code !== 'enum'));
  const errors = ctx.issues.filter(fatal);
  if (errors.length > 0) throw new XmlShapeError(errors, `The ${type} body does not match the spec`);
  if (options.onWarning) for (const issue of ctx.issues) options.onWarning(issue);
  return value;
}

function toText(body: string | Uint8Array, maxBytes: number): string {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (bytes > maxBytes) {
    throw new BodyTooLargeError([{ path: '/', expected: `at most ${maxBytes} bytes`, actual: `${bytes} bytes`, code: 'too-large' }], 'The body is too large');
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    throw new NotXmlError([{ path: '/', expected: 'UTF-8 text', actual: 'bytes that are not UTF-8', code: 'not-xml' }], 'The body is not XML');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

function namespaceOf(qname: string, scope: Scope): string | undefined {
  const colon = qname.indexOf(':');
  return scope[colon === -1 ? '' : qname.slice(0, colon)];
}

function withDeclarations(scope: Scope, attributes: Record<string, string> | undefined): Scope {
  let out = scope;
  for (const key in attributes) {
    if (key === 'xmlns') out = { ...out, '': attributes[key] };
    else if (key.startsWith('xmlns:')) out = { ...out, [key.slice(6)]: attributes[key] };
  }
  return out;
}

function decodeObject(node: FxpNode, qname: string, map: XmlTypeMap, inherited: Scope, path: string, ctx: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lookup = lookupOf(map);
  const attributes = node[':@'];
  const scope = attributes ? withDeclarations(inherited, attributes) : inherited;
  for (const key in attributes) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const field = lookup.attributes.get(key);
    const at = `${path}/@${key}`;
    if (!field) {
      ctx.issues.push({ path: at, expected: 'no such attribute', actual: `${key}="${attributes[key]}"`, code: 'unknown' });
      continue;
    }
    const value = scalar(field, decodeEntities(attributes[key]!, at), at, ctx);
    if (value !== undefined) out[key] = value;
  }
  for (const field of map.attributes) {
    if (!field.optional && !(attributes && field.name in attributes)) {
      ctx.issues.push({ path: `${path}/@${field.name}`, expected: `the required ${field.name} attribute`, actual: 'none', code: 'missing' });
    }
  }

  let position = -1;
  const present = new Set<string>();
  for (const child of node[qname] as FxpNode[]) {
    const text = child['#text'];
    if (text !== undefined) {
      ctx.issues.push({ path, expected: 'only child elements', actual: `text '${String(text).slice(0, 40)}'`, code: 'text' });
      continue;
    }
    const childQname = qnameOf(child);
    const name = localName(childQname);
    const index = namespaceOf(childQname, scope) === ctx.namespace ? (lookup.elements.get(name) ?? -1) : -1;
    const field = map.elements[index];
    if (!field) {
      ctx.issues.push({ path: `${path}/${childQname}`, expected: 'no such element', actual: `<${childQname}>`, code: 'unknown' });
      continue;
    }
    if (index < position || (index === position && !field.repeated)) {
      const previous = map.elements[position]!.name;
      ctx.issues.push({
        path: `${path}/${name}`,
        expected: index === position ? `one <${name}>` : `<${name}> before <${previous}>`,
        actual: index === position ? `a second <${name}>` : `<${name}> after <${previous}>`,
        code: 'order',
      });
    }
    position = Math.max(position, index);
    present.add(name);
    if (field.repeated) {
      const list = (out[name] ??= []) as unknown[];
      const value = element(field, child, childQname, scope, `${path}/${name}[${list.length + 1}]`, ctx);
      if (value !== undefined) list.push(value);
    } else {
      const value = element(field, child, childQname, scope, `${path}/${name}`, ctx);
      if (value !== undefined) out[name] = value;
    }
  }
  for (const field of map.elements) {
    if (field.repeated) out[field.name] ??= [];
    else if (!field.optional && !present.has(field.name)) {
      ctx.issues.push({ path: `${path}/${field.name}`, expected: `the required <${field.name}> element`, actual: 'none', code: 'missing' });
    }
  }
  return out;
}

function element(field: ElementField, node: FxpNode, qname: string, scope: Scope, path: string, ctx: Context): unknown {
  if (field.item !== undefined) return list(field, node, qname, scope, path, ctx);
  if (field.scalar) return scalar(field as ScalarField, textOf(node, qname, path, ctx), path, ctx);
  return decodeObject(node, qname, ctx.maps[field.type!]!, scope, path, ctx);
}

function list(field: ElementField, node: FxpNode, qname: string, inherited: Scope, path: string, ctx: Context): unknown[] {
  const items: unknown[] = [];
  const scope = node[':@'] ? withDeclarations(inherited, node[':@']) : inherited;
  for (const child of node[qname] as FxpNode[]) {
    const childQname = qnameOf(child);
    if (child['#text'] !== undefined || localName(childQname) !== field.item || namespaceOf(childQname, scope) !== ctx.namespace) {
      const actual = child['#text'] !== undefined ? `text '${String(child['#text']).slice(0, 40)}'` : `<${childQname}>`;
      ctx.issues.push({ path, expected: `only <${field.item}> items`, actual, code: child['#text'] !== undefined ? 'text' : 'unknown' });
      continue;
    }
    const itemPath = `${path}/${field.item}[${items.length + 1}]`;
    const value = field.scalar
      ? scalar(field as ScalarField, textOf(child, childQname, itemPath, ctx), itemPath, ctx)
      : decodeObject(child, childQname, ctx.maps[field.type!]!, scope, itemPath, ctx);
    if (value !== undefined) items.push(value);
  }
  return items;
}

function textOf(node: FxpNode, qname: string, path: string, ctx: Context): string {
  let text = '';
  for (const child of node[qname] as FxpNode[]) {
    if (child['#text'] !== undefined) text += String(child['#text']);
    else ctx.issues.push({ path, expected: 'text only', actual: `<${qnameOf(child)}>`, code: 'unknown' });
  }
  return decodeEntities(text, path);
}

function scalar(field: ScalarField, text: string, path: string, ctx: Context): unknown {
  const value = parseScalar(field.scalar, text);
  if (value === undefined) {
    ctx.issues.push({ path, expected: EXPECTED[field.scalar], actual: `'${text.slice(0, 60)}'`, code: 'value' });
  } else if (field.enum && !field.enum.includes(text)) {
    ctx.issues.push({ path, expected: `one of ${field.enum.join(', ')}`, actual: `'${text.slice(0, 60)}'`, code: 'enum' });
  }
  return value;
}
