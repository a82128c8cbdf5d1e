/** An element of a report document (JUnit): a name, attributes, and children or text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | number>>;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * Serializes an element tree with escaping, two spaces per level.
 * @example serializeXml({ name: 'testsuites', attributes: { tests: 3 } })
 */
export function serializeXml(element: XmlElement, depth = 0): string {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (element.text !== undefined) return `${open}>${escapeXml(element.text)}</${element.name}>`;
  if (!element.children?.length) return `${open}/>`;
  return [`${open}>`, ...element.children.map((c) => serializeXml(c, depth + 1)), `${indent}</${element.name}>`].join('\n');
}

/** A whole document: the XML declaration, then the element tree. */
export const serializeDocument = (root: XmlElement): string => `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}\n`;
