import { MalformedXmlError, TruncatedXmlError, UnsafeXmlError, type CodecIssue } from './errors.js';
import { isBlank, isNameChar, isNameStart, isSpace, isXmlChar } from './xml-chars.js';

/** The deepest nesting of elements accepted; deeper documents are refused with an UnsafeXmlError. */
export const MAX_DEPTH = 64;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** What `next()` found inside an element. */
export const TEXT = 1;
export const START = 2;
export const END = 3;

/** A namespace declaration in scope, linked to the one it hides: scopes are never copied. */
interface Binding {
  readonly uri: string | undefined;
  /** The URI is the one the reader asked about: compared once per declaration, not once per element. */
  readonly ours: boolean;
  readonly prev: Binding | undefined;
}

export function lineOf(xml: string, offset: number): string {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
}

export function preview(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length === 0 ? 'an empty body' : `'${t.length > 60 ? t.slice(0, 60) + '…' : t}'`;
}

// The first character from which text (or an attribute value) needs more than a slice: its end,
// a reference, a line end to normalize, or a character XML forbids. Each search stops at the next
// '<' at the latest, so together they read the text once.
const TEXT_SCAN = /[<&\r\]\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/g;
const ATTRIBUTE_SCAN = /["'<&\t\n\r\x00-\x1f\ud800-\udfff\ufffe\uffff]/g;

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A pull tokenizer over XML text that checks well-formedness as it goes (XML 1.0 characters and
 * names, references, CDATA, comments, processing instructions, matching tags, unique attributes,
 * the depth limit) and resolves namespace prefixes by the declarations in scope. It never builds a
 * tree: the plan-driven reader asks for the next token and keeps what it needs.
 */
export class Scanner {
  pos = 0;
  private readonly len: number;

  /** The last start tag: its qualified name, the offset of its ':' (or -1) and its attributes. */
  qname = '';
  colon = -1;
  attrCount = 0;
  readonly attrNames: string[] = [];
  readonly attrValues: string[] = [];

  /** The last text token, with entity and character references replaced and line ends normalized. */
  get text(): string {
    return (this.decoded ??= this.xml.slice(this.textFrom, this.textTo));
  }
  private decoded: string | undefined = '';
  private textFrom = 0;
  private textTo = 0;
  private value = '';
  /** The last text token was a CDATA section. */
  cdata = false;
  /** Where references produced text in `text` (its white space is kept when trimming), -1 if none. */
  refStart = -1;
  refEnd = -1;

  private readonly openNames: string[] = [];
  private readonly openAt: number[] = [];
  private readonly nsMarks: number[] = [];
  private readonly nsLog: string[] = [];
  private readonly bindings = new Map<string, Binding>();
  private emptyPending = false;
  private refValue = '';

  /** @param ours the namespace URI `inOurNamespace()` tests names against. */
  constructor(
    readonly xml: string,
    private readonly ours = '',
  ) {
    this.len = xml.length;
  }

  /** The last start tag's name is in the namespace given to the constructor. */
  inOurNamespace(): boolean {
    if (this.colon === -1) return this.defaultBinding?.ours === true;
    return this.bindings.get(this.qname.slice(0, this.colon))?.ours === true;
  }

  /** The binding of the default namespace, kept apart: unprefixed names are the common case. */
  private defaultBinding: Binding | undefined;

  /** How many elements are open. */
  depth = 0;

  fail(Kind: typeof MalformedXmlError, at: number, expected: string, actual: string): never {
    const truncated = Kind === TruncatedXmlError;
    const issue: CodecIssue = { path: lineOf(this.xml, at), expected, actual, code: Kind === UnsafeXmlError ? 'unsafe' : truncated ? 'truncated' : 'syntax' };
    const summary = truncated
      ? 'The XML body is truncated'
      : Kind === UnsafeXmlError
        ? expected.startsWith('at most')
          ? 'The body nests elements too deeply, which is refused'
          : 'The body declares a DOCTYPE or entities, which are refused'
        : 'The body is not well-formed XML';
    throw new Kind([issue], summary);
  }

  /** The namespace URI of the last start tag's name, or undefined when it has none. */
  namespace(): string | undefined {
    const prefix = this.colon === -1 ? '' : this.qname.slice(0, this.colon);
    if (prefix === 'xml') return XML_NS;
    return this.bindings.get(prefix)?.uri;
  }

  localName(): string {
    return this.colon === -1 ? this.qname : this.qname.slice(this.colon + 1);
  }

  /** Reads the prolog up to the document element and its start tag. */
  readProlog(): void {
    this.misc(true);
    this.startTag();
  }

  /** After the document element: only white space, comments and processing instructions. */
  readEpilog(): void {
    if (this.emptyPending) {
      this.emptyPending = false;
      this.popFrame();
    }
    this.misc(false);
  }

  private misc(prolog: boolean): void {
    const xml = this.xml;
    for (;;) {
      let i = this.pos;
      while (i < this.len && isSpace(xml.charCodeAt(i))) i++;
      this.pos = i;
      if (i >= this.len) {
        if (prolog) this.fail(TruncatedXmlError, i, 'a document element', 'the end of the body');
        return;
      }
      if (xml.charCodeAt(i) !== 60) {
        let end = xml.indexOf('<', i);
        if (end === -1) end = this.len;
        this.fail(MalformedXmlError, i, 'only white space outside the document element', preview(xml.slice(i, Math.min(end, i + 200))));
      }
      const c = xml.charCodeAt(i + 1);
      if (c === 63 /* ? */) this.processingInstruction();
      else if (c === 33 /* ! */) {
        if (xml.startsWith('<!--', i)) this.comment();
        else this.bang(i);
      } else if (c === 47 /* / */) {
        const end = this.nameEnd(i + 2);
        this.fail(MalformedXmlError, i, 'no closing tag', `</${xml.slice(i + 2, end)}>`);
      } else if (!prolog) {
        if (isNameStart(c)) this.fail(MalformedXmlError, i, 'one document element', `a second one, <${xml.slice(i + 1, this.nameEnd(i + 1))}>`);
        this.fail(i + 1 >= this.len ? TruncatedXmlError : MalformedXmlError, i, 'an element name', preview(xml.slice(i, i + 20)));
      } else if (isNameStart(c)) return;
      else this.fail(i + 1 >= this.len ? TruncatedXmlError : MalformedXmlError, i, 'an element name', preview(xml.slice(i, i + 20)));
    }
  }

  /** `<!` that is not a comment: DOCTYPE and ENTITY are unsafe, the rest (CDATA outside an element too) malformed. */
  private bang(at: number): never {
    const head = this.xml.slice(at, at + 9);
    if (/^<!(DOCTYPE|ENTITY)/i.test(head)) {
      this.fail(UnsafeXmlError, at, 'no DOCTYPE or entity declaration', preview(this.xml.slice(at, at + 60)));
    }
    if (at + 9 > this.len && ('<![CDATA['.startsWith(head) || '<!DOCTYPE'.startsWith(head.toUpperCase()) || '<!--'.startsWith(head))) {
      this.fail(TruncatedXmlError, at, 'a comment or CDATA section', 'the end of the body');
    }
    this.fail(MalformedXmlError, at, 'a comment or CDATA section', preview(head));
  }

  /**
   * The next token inside the current element: TEXT (in `text`), START (a child's start tag, read),
   * or END (the current element's end tag, read; an empty-element tag gives END at once).
   */
  next(): number {
    if (this.emptyPending) {
      this.emptyPending = false;
      this.popFrame();
      return END;
    }
    const xml = this.xml;
    for (;;) {
      const at = this.pos;
      if (at >= this.len) {
        const top = this.depth - 1;
        this.fail(TruncatedXmlError, this.openAt[top]!, `</${this.openNames[top]}>`, 'the end of the body');
      }
      if (xml.charCodeAt(at) !== 60) {
        this.scanText(at);
        return TEXT;
      }
      const c = xml.charCodeAt(at + 1);
      if (c === 47 /* / */) {
        this.endTag(at);
        return END;
      }
      if (c === 33 /* ! */) {
        if (xml.startsWith('<!--', at)) this.comment();
        else if (xml.startsWith('<![CDATA[', at)) {
          this.cdataSection(at);
          return TEXT;
        } else this.bang(at);
        continue;
      }
      if (c === 63 /* ? */) {
        this.processingInstruction();
        continue;
      }
      if (isNameStart(c)) {
        this.startTag();
        return START;
      }
      this.fail(at + 1 >= this.len ? TruncatedXmlError : MalformedXmlError, at, 'an element name', preview(xml.slice(at, at + 20)));
    }
  }

  /** Reads to the end of the element whose start tag was just read, checking everything on the way. */
  skip(): void {
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (token === START) depth++;
      else if (token === END && depth-- === 0) return;
    }
  }

  /**
   * Reads to the end of the element whose start tag was just read, checking everything on the way,
   * and gives its content as written (markup and references untouched).
   */
  rawContent(): string {
    if (this.emptyPending) {
      this.skip();
      return '';
    }
    const from = this.pos;
    this.skip();
    // An end tag holds no '<': the last one before the position is where it starts.
    return this.xml.slice(from, this.xml.lastIndexOf('<', this.pos - 1));
  }

  /** The end of a name starting at `i` (not checked: for messages). */
  private nameEnd(i: number): number {
    while (i < this.len && isNameChar(this.xml.charCodeAt(i))) i++;
    return i;
  }

  /** Scans a Name starting at `i` (a NameStartChar is there); returns its end and sets `nameColon`. */
  private nameColon = -1;
  private name(i: number, at: number): number {
    const xml = this.xml;
    const start = i;
    let colon = -1;
    for (; i < this.len; i++) {
      const c = xml.charCodeAt(i);
      if (c < 128) {
        if (!isNameChar(c)) break;
        if (c === 58) {
          if (colon !== -1 || i === start) this.fail(MalformedXmlError, at, 'a name with at most one colon, not first', preview(xml.slice(start, this.nameEnd(i + 1))));
          colon = i - start;
        }
      } else if (c >= 0xd800 && c <= 0xdb7f) {
        const d = xml.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) break;
        i++;
      } else if (!isNameChar(c) || (c >= 0xdc00 && c <= 0xdfff)) break;
    }
    if (colon !== -1 && colon === i - start - 1) {
      this.fail(i >= this.len ? TruncatedXmlError : MalformedXmlError, at, 'a local name after the colon', preview(xml.slice(start, i + 1)));
    }
    this.nameColon = colon;
    return i;
  }

  private startTag(): void {
    const xml = this.xml;
    const at = this.pos;
    const end = this.name(at + 1, at);
    const qname = this.intern(at + 1, end);
    this.qname = qname;
    this.colon = this.nameColon;
    const nsMark = this.nsLog.length;
    let count = 0;
    let i = end;
    let empty = false;
    let prefixedAttribute = false;
    for (;;) {
      if (i >= this.len) this.badAttributes(at, end, this.len, qname);
      let c = xml.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (xml.charCodeAt(i + 1) === 62) {
          empty = true;
          i += 2;
          break;
        }
        this.badAttributes(at, end, i + 1, qname);
      }
      if (!isSpace(c)) this.badAttributes(at, end, i, qname);
      while (i < this.len && isSpace(xml.charCodeAt(i))) i++;
      if (i >= this.len) this.badAttributes(at, end, this.len, qname);
      c = xml.charCodeAt(i);
      if (c === 62 || c === 47) continue;
      if (!isNameStart(c)) this.badAttributes(at, end, i, qname);
      const nameStart = i;
      i = this.name(i, at);
      if (this.nameColon !== -1) prefixedAttribute = true;
      const attrName = this.intern(nameStart, i);
      while (i < this.len && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 /* = */) this.badAttributes(at, end, i, qname);
      i++;
      while (i < this.len && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) this.badAttributes(at, end, i, qname);
      i = this.attributeValue(i + 1, quote, at, qname);
      this.attrNames[count] = attrName;
      this.attrValues[count] = this.value;
      count++;
      if (attrName.length >= 5 && attrName.startsWith('xmlns') && (attrName.length === 5 || attrName.charCodeAt(5) === 58)) {
        this.declare(attrName.length === 5 ? '' : attrName.slice(6), this.value, at);
      }
    }
    this.attrCount = count;
    if (count > 1) this.checkUnique(count, at, qname);
    // Namespaces in XML, "Prefix Declared": checked once the tag's own declarations are in scope.
    if (this.colon !== -1) this.checkPrefix(qname.slice(0, this.colon), at);
    if (prefixedAttribute) {
      for (let a = 0; a < count; a++) {
        const name = this.attrNames[a]!;
        const colon = name.indexOf(':');
        if (colon !== -1 && !(colon === 5 && name.startsWith('xmlns'))) this.checkPrefix(name.slice(0, colon), at);
      }
    }
    this.pos = i;
    const depth = this.depth++;
    this.openNames[depth] = qname;
    this.openAt[depth] = at;
    this.nsMarks[depth] = nsMark;
    if (depth >= MAX_DEPTH) this.fail(UnsafeXmlError, at, `at most ${MAX_DEPTH} nested elements`, `<${qname}> at depth ${depth + 1}`);
    this.emptyPending = empty;
  }

  private badAttributes(at: number, nameEnd: number, i: number, qname: string): never {
    if (i >= this.len) this.fail(TruncatedXmlError, at, `the end of the <${qname}> tag`, 'the end of the body');
    const gt = this.xml.indexOf('>', i);
    this.fail(MalformedXmlError, at, `attributes of the form name="value" in <${qname}>`, preview(this.xml.slice(nameEnd, gt === -1 ? nameEnd + 60 : gt)));
  }

  /** Names repeat: the last one seen of each first character and length is reused, saving a string per tag and attribute. */
  private readonly names = new Array<string | undefined>(1024);
  private intern(start: number, end: number): string {
    const key = ((this.xml.charCodeAt(start) & 31) << 5) | ((end - start) & 31);
    const known = this.names[key];
    if (known !== undefined && known.length === end - start) {
      let k = 0;
      while (k < known.length && known.charCodeAt(k) === this.xml.charCodeAt(start + k)) k++;
      if (k === known.length) return known;
    }
    const name = this.xml.slice(start, end);
    this.names[key] = name;
    return name;
  }

  private checkUnique(count: number, at: number, qname: string): void {
    const names = this.attrNames;
    const duplicate = (name: string) => this.fail(MalformedXmlError, at, `each attribute once in <${qname}>`, `${name} twice`);
    if (count <= 8) {
      for (let a = 1; a < count; a++) for (let b = 0; b < a; b++) if (names[a] === names[b]) duplicate(names[a]!);
      return;
    }
    const seen = new Set<string>();
    for (let a = 0; a < count; a++) {
      if (seen.has(names[a]!)) duplicate(names[a]!);
      seen.add(names[a]!);
    }
  }

  private checkPrefix(prefix: string, at: number): void {
    if (prefix !== 'xml' && this.bindings.get(prefix)?.uri === undefined) this.fail(MalformedXmlError, at, `a namespace URI for the prefix ${prefix}`, 'no declaration of it in scope');
  }

  private declare(prefix: string, uri: string, at: number): void {
    if (prefix !== '' && uri === '') this.fail(MalformedXmlError, at, `a namespace URI for the prefix ${prefix}`, 'an empty one');
    if (prefix === 'xmlns' || (prefix === 'xml') !== (uri === XML_NS)) this.fail(MalformedXmlError, at, 'no declaration of the reserved xml and xmlns prefixes', `xmlns:${prefix}="${uri}"`);
    const binding = { uri: uri === '' ? undefined : uri, ours: uri !== '' && uri === this.ours, prev: this.bindings.get(prefix) };
    this.bindings.set(prefix, binding);
    if (prefix === '') this.defaultBinding = binding;
    this.nsLog.push(prefix);
  }

  private popFrame(): void {
    const mark = this.nsMarks[--this.depth]!;
    while (this.nsLog.length > mark) {
      const prefix = this.nsLog.pop()!;
      const prev = this.bindings.get(prefix)!.prev;
      if (prev) this.bindings.set(prefix, prev);
      else this.bindings.delete(prefix);
      if (prefix === '') this.defaultBinding = prev;
    }
  }

  private endTag(at: number): void {
    const xml = this.xml;
    const open = this.openNames[this.depth - 1]!;
    let i = at + 2 + open.length;
    if (!xml.startsWith(open, at + 2) || (i < this.len && isNameChar(xml.charCodeAt(i)))) {
      const end = this.nameEnd(at + 2);
      if (end >= this.len) this.fail(TruncatedXmlError, at, 'a closing tag', 'the end of the body');
      this.fail(MalformedXmlError, at, `</${open}>`, `</${xml.slice(at + 2, end)}>`);
    }
    while (i < this.len && isSpace(xml.charCodeAt(i))) i++;
    if (i >= this.len) this.fail(TruncatedXmlError, at, 'a closing tag', 'the end of the body');
    if (xml.charCodeAt(i) !== 62) this.fail(MalformedXmlError, at, `</${open}>`, preview(xml.slice(at, i + 1)));
    this.pos = i + 1;
    this.popFrame();
  }

  private comment(): void {
    const at = this.pos;
    const end = this.xml.indexOf('-->', at + 4);
    if (end === -1) this.fail(TruncatedXmlError, at, "'-->' closing the comment", 'the end of the body');
    const dashes = this.xml.indexOf('--', at + 4);
    if (dashes !== end || this.xml.charCodeAt(end - 1) === 45) this.fail(MalformedXmlError, at, "no '--' inside a comment", preview(this.xml.slice(at, end + 3)));
    this.checkChars(at + 4, end);
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    const xml = this.xml;
    const at = this.pos;
    if (at + 2 >= this.len) this.fail(TruncatedXmlError, at, "'?>' closing the processing instruction", 'the end of the body');
    if (!isNameStart(xml.charCodeAt(at + 2))) this.fail(MalformedXmlError, at, 'a processing instruction target', preview(xml.slice(at, at + 20)));
    const nameEnd = this.name(at + 2, at);
    const target = xml.slice(at + 2, nameEnd);
    const end = xml.indexOf('?>', nameEnd);
    if (end === -1) this.fail(TruncatedXmlError, at, "'?>' closing the processing instruction", 'the end of the body');
    if (end !== nameEnd && !isSpace(xml.charCodeAt(nameEnd))) this.fail(MalformedXmlError, at, 'white space after the processing instruction target', preview(xml.slice(at, end + 2)));
    if (target.length === 3 && target.toLowerCase() === 'xml' && (at !== 0 || target !== 'xml')) {
      this.fail(MalformedXmlError, at, 'the XML declaration only at the very start of the body', preview(xml.slice(at, end + 2)));
    }
    this.checkChars(nameEnd, end);
    this.pos = end + 2;
  }

  private cdataSection(at: number): void {
    const end = this.xml.indexOf(']]>', at + 9);
    if (end === -1) this.fail(TruncatedXmlError, at, "']]>' closing the CDATA section", 'the end of the body');
    this.checkChars(at + 9, end);
    const raw = this.xml.slice(at + 9, end);
    this.decoded = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    this.cdata = true;
    this.refStart = -1;
    this.refEnd = -1;
    this.pos = end + 3;
  }

  /** Checks that xml[from, to) holds only XML characters. */
  private checkChars(from: number, to: number): void {
    const xml = this.xml;
    for (let i = from; i < to; i++) {
      const c = xml.charCodeAt(i);
      if (c >= 0x20 ? c >= 0xd800 : c !== 9 && c !== 10 && c !== 13) i = this.wide(i);
    }
  }

  /** Checks a code unit that is a control character or ≥ U+D800; returns the index of its last unit. */
  private wide(i: number): number {
    const c = this.xml.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.xml.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return i + 1;
    } else if (c >= 0xe000 && c <= 0xfffd) return i;
    this.fail(MalformedXmlError, i, 'XML characters only', c >= 0xd800 && c <= 0xdfff ? `a lone surrogate ${hex(c)}` : `the character ${hex(c)}`);
  }

  /** The last text token holds only white space (Unicode white space too: see isBlank). */
  blank(): boolean {
    if (this.decoded !== undefined) return isBlank(this.decoded);
    const xml = this.xml;
    for (let i = this.textFrom; i < this.textTo; i++) if (!isSpace(xml.charCodeAt(i))) return isBlank(this.text);
    return true;
  }

  /** Text up to the next '<' (or the end). */
  private scanText(from: number): void {
    TEXT_SCAN.lastIndex = from;
    if (TEXT_SCAN.test(this.xml) && this.xml.charCodeAt(TEXT_SCAN.lastIndex - 1) === 60) {
      // Nothing to replace or refuse before the '<': the text is a slice, made only if asked for.
      this.textFrom = from;
      this.textTo = this.pos = TEXT_SCAN.lastIndex - 1;
      this.decoded = undefined;
      this.cdata = false;
      this.refStart = this.refEnd = -1;
      return;
    }
    const xml = this.xml;
    const len = this.len;
    let out = '';
    let start = from;
    let refStart = -1;
    let refEnd = -1;
    let i = from;
    for (; i < len; i++) {
      const c = xml.charCodeAt(i);
      if (c >= 0x20 && c < 0xd800) {
        if (c === 60) break;
        if (c === 38) {
          out += xml.slice(start, i);
          start = this.reference(i);
          if (refStart === -1) refStart = out.length;
          out += this.refValue;
          refEnd = out.length;
          i = start - 1;
        } else if (c === 62 && xml.charCodeAt(i - 1) === 93 && xml.charCodeAt(i - 2) === 93 && i - 2 >= from) {
          this.fail(MalformedXmlError, i - 2, "no ']]>' in text", preview(xml.slice(Math.max(from, i - 20), i + 1)));
        }
      } else if (c === 13) {
        out += xml.slice(start, i) + '\n';
        if (xml.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      } else if (c !== 10 && c !== 9) i = this.wide(i);
    }
    this.decoded = start === from ? xml.slice(from, i) : out + xml.slice(start, i);
    this.cdata = false;
    this.refStart = refStart;
    this.refEnd = refEnd;
    this.pos = i;
  }

  /** An attribute value from `from` to its closing quote; sets `text`, returns the index after the quote. */
  private attributeValue(from: number, quote: number, at: number, qname: string): number {
    const xml = this.xml;
    ATTRIBUTE_SCAN.lastIndex = from;
    if (ATTRIBUTE_SCAN.test(xml) && xml.charCodeAt(ATTRIBUTE_SCAN.lastIndex - 1) === quote) {
      this.value = xml.slice(from, ATTRIBUTE_SCAN.lastIndex - 1);
      return ATTRIBUTE_SCAN.lastIndex;
    }
    const len = this.len;
    let out = '';
    let start = from;
    let i = from;
    for (;;) {
      if (i >= len) this.fail(TruncatedXmlError, at, `the end of the <${qname}> tag`, 'the end of the body');
      const c = xml.charCodeAt(i);
      if (c === quote) break;
      if (c >= 0x20 && c < 0xd800) {
        if (c === 60) this.fail(MalformedXmlError, at, `attributes of the form name="value" in <${qname}>`, `'<' in an attribute value`);
        if (c === 38) {
          out += xml.slice(start, i);
          start = this.reference(i);
          out += this.refValue;
          i = start;
          continue;
        }
      } else if (c === 9 || c === 10 || c === 13) {
        // Attribute-value normalization: each literal white space character is a space, CR LF one.
        out += xml.slice(start, i) + ' ';
        if (c === 13 && xml.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      } else i = this.wide(i);
      i++;
    }
    this.value = start === from ? xml.slice(from, i) : out + xml.slice(start, i);
    return i + 1;
  }

  /** A reference at `at` ('&'): sets `refValue`, returns the index after its ';'. */
  private reference(at: number): number {
    const xml = this.xml;
    const bad = (end: number): never => {
      if (end >= this.len) this.fail(TruncatedXmlError, at, "a reference ending in ';'", 'the end of the body');
      this.fail(MalformedXmlError, at, 'one of &amp; &lt; &gt; &quot; &apos; &#N; &#xN;', preview(xml.slice(at, Math.min(end + 1, at + 20))));
    };
    if (xml.charCodeAt(at + 1) === 35 /* # */) {
      const isHex = xml.charCodeAt(at + 2) === 120; /* x */
      let i = at + (isHex ? 3 : 2);
      const digits = i;
      let cp = 0;
      for (; i < this.len; i++) {
        const c = xml.charCodeAt(i);
        const d = c >= 48 && c <= 57 ? c - 48 : isHex && c >= 97 && c <= 102 ? c - 87 : isHex && c >= 65 && c <= 70 ? c - 55 : -1;
        if (d === -1) break;
        if (cp <= 0x10ffff) cp = cp * (isHex ? 16 : 10) + d;
      }
      if (i === digits || xml.charCodeAt(i) !== 59) bad(i);
      if (!isXmlChar(cp)) this.fail(MalformedXmlError, at, 'a reference to an XML character', `'${xml.slice(at, Math.min(i + 1, at + 20))}'`);
      this.refValue = String.fromCodePoint(cp);
      return i + 1;
    }
    const semi = xml.indexOf(';', at + 1);
    const name = semi === -1 || semi - at > 6 ? '' : xml.slice(at + 1, semi);
    const value = name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === 'apos' ? "'" : undefined;
    if (value === undefined) bad(this.nameEnd(at + 1) >= this.len ? this.len : semi === -1 ? at : semi);
    this.refValue = value as string;
    return semi + 1;
  }
}
