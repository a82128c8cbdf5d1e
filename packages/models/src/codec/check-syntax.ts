import { MalformedXmlError, NotXmlError, TruncatedXmlError, UnsafeXmlError, type CodecIssue } from './errors.js';

const lineOf = (xml: string, offset: number) => {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
};

const preview = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length === 0 ? 'an empty body' : `'${t.length > 60 ? t.slice(0, 60) + '…' : t}'`;
};

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const NAME_END = /[\s/>]/g;
// After the name: attributes `name="value"` or `name='value'`, then an optional `/`.
const ATTRIBUTES = /^(?:\s+[^\s=/>"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?$/;

/**
 * Checks that `xml` is one well-formed element (plus prolog, comments and processing instructions),
 * refusing DOCTYPE and entity declarations before any parser sees them. fast-xml-parser, which builds
 * the tree afterwards, tolerates mismatched and unclosed tags, so this scan is what catches them.
 * @throws {NotXmlError | UnsafeXmlError | MalformedXmlError | TruncatedXmlError}
 */
export function checkSyntax(xml: string): void {
  const fail = (Kind: typeof MalformedXmlError, at: number, expected: string, actual: string): never => {
    const issue: CodecIssue = { path: lineOf(xml, at), expected, actual, code: Kind === TruncatedXmlError ? 'truncated' : 'syntax' };
    throw new Kind([issue], Kind === TruncatedXmlError ? 'The XML body is truncated' : 'The body is not well-formed XML');
  };
  const start = xml.search(/\S/);
  if (start === -1 || xml[start] !== '<') {
    throw new NotXmlError([{ path: '/', expected: 'an XML document', actual: preview(xml.slice(start === -1 ? 0 : start, 200)), code: 'not-xml' }], 'The body is not XML');
  }
  if (/^<(!doctype\s+html|html[\s>])/i.test(xml.slice(start, start + 20))) {
    throw new NotXmlError([{ path: '/', expected: 'an XML document', actual: `an HTML page ${preview(xml.slice(start, start + 200).replace(/<[^>]*>/g, ' '))}`, code: 'not-xml' }], 'The body is an HTML page, not XML');
  }

  const stack: string[] = [];
  const opened: number[] = [];
  let roots = 0;
  let i = start;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    if (stack.length === 0) {
      for (let j = i; j < textEnd; j++) {
        if (!isSpace(xml.charCodeAt(j))) fail(MalformedXmlError, j, 'only white space outside the document element', preview(xml.slice(j, textEnd)));
      }
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) fail(TruncatedXmlError, lt, "'?>' closing the processing instruction", 'the end of the body');
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) fail(TruncatedXmlError, lt, "'-->' closing the comment", 'the end of the body');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt) && stack.length > 0) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) fail(TruncatedXmlError, lt, "']]>' closing the CDATA section", 'the end of the body');
        i = end + 3;
      } else if (/^<!(DOCTYPE|ENTITY)/i.test(xml.slice(lt, lt + 9))) {
        throw new UnsafeXmlError(
          [{ path: lineOf(xml, lt), expected: 'no DOCTYPE or entity declaration', actual: preview(xml.slice(lt, lt + 60)), code: 'unsafe' }],
          'The body declares a DOCTYPE or entities, which are refused',
        );
      } else {
        fail(MalformedXmlError, lt, 'a comment or CDATA section', preview(xml.slice(lt, lt + 20)));
      }
    } else if (c === 47 /* / */) {
      const end = xml.indexOf('>', lt);
      if (end === -1) fail(TruncatedXmlError, lt, 'a closing tag', 'the end of the body');
      const name = xml.slice(lt + 2, end).trimEnd();
      const open = stack.pop();
      if (open !== name) {
        fail(MalformedXmlError, lt, open === undefined ? 'no closing tag' : `</${open}>`, `</${name}>`);
      }
      opened.pop();
      i = end + 1;
    } else {
      NAME_END.lastIndex = lt + 1;
      const nameEnd = NAME_END.exec(xml)?.index ?? xml.length;
      const name = xml.slice(lt + 1, nameEnd);
      if (name.length === 0) fail(MalformedXmlError, lt, 'an element name', preview(xml.slice(lt, lt + 20)));
      // Find the tag's '>' outside quoted attribute values.
      let end = nameEnd;
      let quote = 0;
      for (; end < xml.length; end++) {
        const ch = xml.charCodeAt(end);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (end >= xml.length) fail(TruncatedXmlError, lt, `the end of the <${name}> tag`, 'the end of the body');
      const attributes = xml.slice(nameEnd, end);
      if (!ATTRIBUTES.test(attributes)) fail(MalformedXmlError, lt, `attributes of the form name="value" in <${name}>`, preview(attributes));
      if (stack.length === 0 && roots++ > 0) fail(MalformedXmlError, lt, 'one document element', `a second one, <${name}>`);
      if (xml.charCodeAt(end - 1) !== 47) {
        stack.push(name);
        opened.push(lt);
      }
      i = end + 1;
    }
  }
  if (stack.length > 0) {
    fail(TruncatedXmlError, opened[opened.length - 1]!, `</${stack[stack.length - 1]}>`, 'the end of the body');
  }
  if (roots === 0) fail(MalformedXmlError, start, 'a document element', 'none');
}
