import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel } from '../spec-types.js';
import { NamespaceError, NotXmlError, RootElementError, XmlShapeError, type CodecIssue, type XmlCodecError } from './errors.js';
import { bodyText } from './body-text.js';
import { IssueCapReached, Issues } from './issues.js';
import { plansOf } from './plan.js';
import { ValueReader } from './read-value.js';
import { preview, Scanner } from './scanner.js';

export type ModelName = keyof ModelTypes;

export interface DecodeOptions {
  /** Refuse unknown elements and attributes, stray text and undocumented enum values instead of warning. (default: false) */
  strict?: boolean;
  /** The largest body accepted, in bytes. (default: 16 MiB) */
  maxBytes?: number;
  /** Receives each departure tolerated in lenient mode. (default: none: they are dropped) */
  onWarning?: (issue: CodecIssue) => void;
  /** Receives, once per form, each documented alternative name the body used where the documents disagree (code 'form', in strict mode too). (default: none) */
  onForm?: (issue: CodecIssue) => void;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Decodes an XML body into the model `type`, as the spec maps it, in one pass over the text.
 * @throws {XmlCodecError} a subclass naming what went wrong, with the issues found.
 * @example const list = decode('EntityReferences', xml); list.Ref[0]?.Name
 */
export function decode<T extends ModelName>(type: T, body: string | Uint8Array, options: DecodeOptions = {}): ModelTypes[T] {
  return decodeIn(builtinModel, type, body, options) as ModelTypes[T];
}

/**
 * Decodes an XML body into the type `type` of `model` (a spec other than the built-in one): the
 * model's XML maps are compiled into plans on first use.
 * @throws {XmlCodecError} a subclass naming what went wrong, with the issues found.
 */
export function decodeIn(model: ApiModel, type: string, body: string | Uint8Array, options: DecodeOptions = {}): unknown {
  const plan = plansOf(model.xmlMaps).get(type);
  if (!plan) throw new TypeError(`No XML map for the type '${type}'`);
  const namespace = model.api.namespace;
  const xml = toText(body, options.maxBytes ?? DEFAULT_MAX_BYTES);
  notXml(xml);

  const scanner = new Scanner(xml, namespace);
  scanner.readProlog();
  const qname = scanner.qname;
  const name = scanner.localName();
  const ns = scanner.namespace();
  // A document of the wrong kind is still read to its end: a syntax error anywhere takes precedence
  // (over the shape's errors too, unless more than MAX_ISSUES of them come first: then reading stops).
  let refused: XmlCodecError | undefined;
  if (ns !== namespace) {
    refused = new NamespaceError(
      [{ path: `/${name}`, expected: `namespace ${namespace}`, actual: ns === undefined ? 'no namespace' : `namespace ${ns}`, code: 'namespace' }],
      `The document element <${qname}> is not in the Enterprise Manager namespace`,
    );
  } else if (name !== plan.map.root) {
    refused = new RootElementError([{ path: `/${name}`, expected: `<${plan.map.root}>`, actual: `<${name}>`, code: 'root' }], `Expected a ${type} document`);
  }
  const issues = new Issues(options.strict === true);
  let value: unknown;
  if (refused) scanner.skip();
  else {
    const reader = new ValueReader(scanner, issues);
    reader.enter(name, 0);
    try {
      value = reader.readObject(plan);
    } catch (error) {
      if (!(error instanceof IssueCapReached)) throw error;
      throw new XmlShapeError(issues.allErrors(), `The ${type} body does not match the spec`);
    }
  }
  scanner.readEpilog();
  if (refused) throw refused;
  if (issues.errors.length > 0) throw new XmlShapeError(issues.allErrors(), `The ${type} body does not match the spec`);
  if (options.onWarning) for (const issue of issues.allWarnings()) options.onWarning(issue);
  if (options.onForm) for (const issue of issues.notes) options.onForm(issue);
  return value;
}

function toText(body: string | Uint8Array, maxBytes: number): string {
  return bodyText(body, maxBytes, {
    root: '/',
    notText: () => new NotXmlError([{ path: '/', expected: 'UTF-8 text', actual: 'bytes that are not UTF-8', code: 'not-xml' }], 'The body is not XML'),
  });
}

/** Plain text, an empty body and HTML pages are not XML at all. */
function notXml(xml: string): void {
  const start = xml.search(/\S/);
  if (start === -1 || xml[start] !== '<') {
    const issue: CodecIssue = { path: '/', expected: 'an XML document', actual: preview(xml.slice(start === -1 ? 0 : start, 200)), code: 'not-xml' };
    throw new NotXmlError([issue], 'The body is not XML');
  }
  if (/^<(!doctype\s+html|html[\s>])/i.test(xml.slice(start, start + 20))) {
    const issue: CodecIssue = { path: '/', expected: 'an XML document', actual: `an HTML page ${preview(xml.slice(start, start + 200).replace(/<[^>]*>/g, ' '))}`, code: 'not-xml' };
    throw new NotXmlError([issue], 'The body is an HTML page, not XML');
  }
}
