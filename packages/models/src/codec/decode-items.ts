import type { ModelTypes } from '../generated/types.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel } from '../spec-types.js';
import { decodeIn, DEFAULT_MAX_BYTES, type DecodeOptions, type ModelName } from './decode.js';
import { BodyTooLargeError, MalformedXmlError, NotXmlError, XmlCodecError, type CodecIssue } from './errors.js';
import { listItemOf } from './list-item.js';

/** The list document types: those whose only child element is one repeated item. */
export type ListModelName = { [T in ModelName]: IsUnion<keyof ModelTypes[T]> extends true ? never : [ItemOf<T>] extends [never] ? never : T }[ModelName];
type IsUnion<U> = [U] extends [UnionToIntersection<U>] ? false : true;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The item of a list document type. */
export type ItemOf<T extends ModelName> = { [K in keyof ModelTypes[T]]-?: NonNullable<ModelTypes[T][K]> extends readonly (infer I)[] ? I : never }[keyof ModelTypes[T]];

/** Chunks of a body as they arrive: a fetch body, a Node stream, any async iterable of bytes. */
export type ByteChunks = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface DecodeItemsOptions extends DecodeOptions {
  /** The largest single item accepted, in bytes (the list itself may be any length). (default: 16 MiB) */
  maxBytes?: number;
}

/**
 * Decodes the items of a list body one by one as its bytes arrive, so a list of any length is read
 * in the memory of one item: each child of the list's root is decoded by the same one-pass codec
 * as `decode` (in a copy of the root's start tag, so its namespace declarations hold), and the
 * rest of the document (prolog, root, text between items, epilog) is checked as `decode` would
 * check it: the root and namespace when the root's start tag has come, the whole outer document
 * (well-formed to its end, nothing after the root) when the body ends.
 * @throws {XmlCodecError} a subclass naming what went wrong, as `decode`; TruncatedXmlError for a body that ends early.
 * @example for await (const session of decodeItems('BackupJobSessions', response.body!)) console.log(session.Name)
 */
export function decodeItems<T extends ListModelName>(type: T, chunks: ByteChunks, options: DecodeItemsOptions = {}): AsyncGenerator<ItemOf<T>> {
  return decodeItemsIn(builtinModel, type, chunks, options) as AsyncGenerator<ItemOf<T>>;
}

/** `decodeItems` for the list type `type` of `model` (a spec other than the built-in one). */
export async function* decodeItemsIn(model: ApiModel, type: string, chunks: ByteChunks, options: DecodeItemsOptions = {}): AsyncGenerator<unknown> {
  const item = listItemOf(model, type);
  if (item === undefined) throw new TypeError(`The type '${type}' is not a list: its only child element is not one repeated item`);
  const splitter = new ItemSplitter(model, type, item, options);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const text = (bytes?: Uint8Array) => {
    try {
      return bytes ? utf8.decode(bytes, { stream: true }) : utf8.decode();
    } catch {
      throw new NotXmlError([{ path: '/', expected: 'UTF-8 text', actual: 'bytes that are not UTF-8', code: 'not-xml' }], 'The body is not XML');
    }
  };
  for await (const chunk of chunks as AsyncIterable<Uint8Array>) yield* splitter.feed(text(chunk));
  yield* splitter.feed(text());
  splitter.end();
}

/**
 * Cuts a document's text, as it arrives, into the list root's child elements and the rest. It only
 * finds where each markup token ends; every judgement of the XML is the codec's, on the pieces.
 */
class ItemSplitter {
  private buffer = '';
  private at = 0;
  private depth = 0;
  private itemStart = -1;
  private outer = '';
  private rootTag: string | undefined;
  private rootClose = '';
  private rootName = '';
  private count = 0;

  constructor(
    private readonly model: ApiModel,
    private readonly type: string,
    private readonly item: string,
    private readonly options: DecodeItemsOptions,
  ) {}

  *feed(text: string): Generator<unknown> {
    this.buffer += text;
    const b = this.buffer;
    for (;;) {
      const lt = b.indexOf('<', this.at);
      if (this.itemStart === -1) this.outer += b.slice(this.at, lt === -1 ? b.length : lt);
      if (lt === -1) {
        this.at = b.length;
        break;
      }
      this.at = lt;
      const end = tokenEnd(b, lt);
      if (end === -1) break;
      this.at = end;
      const token = b.slice(lt, end);
      if (token[1] === '!' || token[1] === '?') {
        if (this.itemStart === -1) this.outer += token;
      } else if (token[1] === '/') {
        this.depth--;
        if (this.depth === 1) {
          yield* this.decoded(b.slice(this.itemStart, end));
          this.itemStart = -1;
        } else if (this.depth <= 0) this.outer += token;
      } else {
        const empty = token.endsWith('/>');
        if (this.depth === 0) this.root(token, empty);
        else if (this.depth === 1 && empty) yield* this.decoded(token);
        else if (this.depth === 1) this.itemStart = lt;
        if (!empty) this.depth++;
      }
    }
    const keep = this.itemStart === -1 ? this.at : this.itemStart;
    this.buffer = b.slice(keep);
    this.at -= keep;
    if (this.itemStart !== -1) {
      this.itemStart = 0;
      this.limit(this.buffer);
    }
  }

  // Characters never outnumber UTF-8 bytes: past `max` characters, an item is past `max` bytes.
  private limit(element: string): void {
    const max = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (element.length <= max) return;
    const path = `/${this.rootName}/${this.item}[${this.count + 1}]`;
    throw new BodyTooLargeError([{ path, expected: `an item of at most ${max} bytes`, actual: `more than ${max} bytes`, code: 'too-large' }], 'An item of the list is too large');
  }

  /** The whole outer document, checked when the body has ended (a body cut inside an item included). */
  end(): void {
    decodeIn(this.model, this.type, this.outer + (this.itemStart === -1 ? '' : this.buffer.slice(this.itemStart)) + this.buffer.slice(this.at), { ...this.options, maxBytes: Infinity });
  }

  // The root is judged as soon as its start tag has come: a wrong root or namespace stops the read.
  private root(token: string, empty: boolean): void {
    this.outer += token;
    if (this.rootTag !== undefined) return; // a second root: the outer document's check refuses it
    this.rootTag = token;
    const qname = /^<([^\s/>]+)/.exec(token)?.[1];
    if (qname === undefined) {
      // `< ` names no element: the whole-body decode says what is wrong with the text so far.
      decodeIn(this.model, this.type, this.outer, { maxBytes: Infinity });
      throw new MalformedXmlError([{ path: '/', expected: 'an element name after <', actual: JSON.stringify(token.slice(0, 40)), code: 'syntax' }], 'The body is not well-formed XML');
    }
    this.rootName = qname.slice(qname.indexOf(':') + 1);
    this.rootClose = empty ? '' : `</${qname}>`;
    decodeIn(this.model, this.type, this.outer + this.rootClose, { strict: this.options.strict === true, maxBytes: Infinity });
  }

  private *decoded(element: string): Generator<unknown> {
    this.limit(element);
    const index = this.count + 1;
    const at = (issue: CodecIssue): CodecIssue => ({ ...issue, path: issue.path.replace(`/${this.item}[1]`, `/${this.item}[${index}]`) });
    // Issues of the root itself are the outer document's to report, once.
    const own = (report?: (issue: CodecIssue) => void) => (issue: CodecIssue) => void (!/^\/[^/]+(\/@|$)/.test(issue.path) && report?.(at(issue)));
    let list: unknown;
    try {
      list = decodeIn(this.model, this.type, this.rootTag!.replace(/\/>$/, '>') + element + this.rootClose, {
        ...this.options,
        maxBytes: Infinity,
        onWarning: own(this.options.onWarning),
        onForm: own(this.options.onForm),
      });
    } catch (error) {
      if (!(error instanceof XmlCodecError)) throw error;
      const Kind = error.constructor as new (issues: CodecIssue[], message: string) => XmlCodecError;
      throw new Kind(error.issues.map(at), error.message);
    }
    for (const value of (list as Record<string, unknown[]>)[this.item] ?? []) {
      this.count++;
      yield value;
    }
  }
}

/** Where the markup token starting at `lt` ends (just past its `>`), or -1 while it has not all come. */
function tokenEnd(text: string, lt: number): number {
  const closing = (marker: string, from: number) => {
    const i = text.indexOf(marker, from);
    return i === -1 ? -1 : i + marker.length;
  };
  if (text[lt + 1] === '!') {
    if (text.length < lt + 9) return -1; // not yet known: a comment, a CDATA section or a declaration
    if (text.startsWith('<!--', lt)) return closing('-->', lt + 4);
    if (text.startsWith('<![CDATA[', lt)) return closing(']]>', lt + 9);
    return closing('>', lt);
  }
  if (text[lt + 1] === '?') return closing('?>', lt + 2);
  let quote = '';
  for (let i = lt + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}
