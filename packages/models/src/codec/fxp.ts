import { XMLParser } from 'fast-xml-parser';
import { MalformedXmlError } from './errors.js';

/** A node of fast-xml-parser's ordered output: `{ [qname]: children, ':@': attributes }` or `{ '#text': text }`. */
export type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** fast-xml-parser set to keep order (the codec checks it) and to leave all values as text. */
export const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities are decoded by decodeEntities, which can report an unknown one; DOCTYPEs never get here.
  processEntities: false,
  jPath: false,
  maxNestedTags: 64,
});

/** The qualified name of an element node. */
export function qnameOf(node: FxpNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML's predefined and numeric entities; any other `&` is a syntax error. */
export function decodeEntities(text: string, path: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_match, named?: string, dec?: string, hex?: string) => {
    if (named) return NAMED[named]!;
    if (dec || hex) return String.fromCodePoint(Number.parseInt(dec ?? hex!, dec ? 10 : 16));
    throw new MalformedXmlError(
      [{ path, expected: 'one of &amp; &lt; &gt; &quot; &apos; &#N;', actual: `'${text.slice(0, 40)}'`, code: 'syntax' }],
      'The body is not well-formed XML',
    );
  });
}
