/** One way a body departs from what the spec says, located by an XPath-like path (XML) or a JSON path. */
export interface CodecIssue {
  /** Where: `/EntityReferences/Ref[2]/@UID`, `$.Refs[1].UID`, or `line 4` for syntax. */
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
  /** What kind of departure: lets callers tell a missing value from a bad one. */
  readonly code: IssueCode;
}

export type IssueCode =
  | 'syntax'
  | 'truncated'
  | 'unsafe'
  | 'not-xml'
  | 'too-large'
  | 'namespace'
  | 'root'
  | 'missing'
  | 'value'
  | 'order'
  | 'unknown'
  | 'text'
  | 'enum'
  | 'schema'
  | 'not-json'
  | 'casing'
  /** A type whose elements are alternatives (an XSD choice) has none of them, or more than one. */
  | 'choice'
  /** Not a departure: the body used one of the forms the documents disagree on (a note, never an error). */
  | 'form';

const describe = (issues: readonly CodecIssue[]) =>
  issues
    .slice(0, 5)
    .map((i) => `${i.path}: expected ${i.expected}, got ${i.actual}`)
    .join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');

/** Base of every codec failure, XML or JSON: `issues` says what was expected and what came, and where. */
export class XmlCodecError extends Error {
  override name = 'XmlCodecError';
  constructor(
    readonly issues: readonly CodecIssue[],
    summary: string,
  ) {
    super(`${summary}: ${describe(issues)}`);
  }
}

/** The body is not well-formed XML (a syntax error). */
export class MalformedXmlError extends XmlCodecError {
  override name = 'MalformedXmlError';
}

/** The body ends before the document does: a truncated response. */
export class TruncatedXmlError extends MalformedXmlError {
  override name = 'TruncatedXmlError';
}

/** The body is not XML at all: an HTML error page, plain text, or nothing. */
export class NotXmlError extends XmlCodecError {
  override name = 'NotXmlError';
}

/** The body declares a DOCTYPE or entities, which are refused outright (no expansion, no external entities). */
export class UnsafeXmlError extends XmlCodecError {
  override name = 'UnsafeXmlError';
}

/** The body is larger than the byte limit. */
export class BodyTooLargeError extends XmlCodecError {
  override name = 'BodyTooLargeError';
}

/** The document element is not in the Enterprise Manager namespace. */
export class NamespaceError extends XmlCodecError {
  override name = 'NamespaceError';
}

/** The document element is not the one the spec documents for this body. */
export class RootElementError extends XmlCodecError {
  override name = 'RootElementError';
}

/** Well-formed XML of the wrong shape: missing or unknown fields, bad values, elements out of order. */
export class XmlShapeError extends XmlCodecError {
  override name = 'XmlShapeError';
}

/** A value does not satisfy the JSON Schema of its model type. */
export class ValidationError extends XmlCodecError {
  override name = 'ValidationError';
}

/** The body is not JSON: a syntax error, an HTML page, plain text, or nothing. */
export class NotJsonError extends XmlCodecError {
  override name = 'NotJsonError';
}

/** The body ends before its JSON value does: a truncated response. */
export class TruncatedJsonError extends NotJsonError {
  override name = 'TruncatedJsonError';
}

/** The JSON nests deeper than the codec reads (the spec's types nest far less). */
export class UnsafeJsonError extends XmlCodecError {
  override name = 'UnsafeJsonError';
}

/** Well-formed JSON of the wrong shape: missing or unknown properties, values of the wrong type, mixed key casing in strict mode. */
export class JsonShapeError extends XmlCodecError {
  override name = 'JsonShapeError';
}
