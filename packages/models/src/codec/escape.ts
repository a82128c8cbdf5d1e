// Escaping for the encoder. The five predefined entities are written as the XMLBuilder-based
// encoder wrote them (so documented bodies come out byte for byte the same); on top of that, the
// characters a parser would otherwise normalize away are written as character references, so
// that decode(encode(value)) gives the value back.

const TEXT_SPECIAL = /[&<>'"\r]/;
const ATTRIBUTE_SPECIAL = /[&<>'"\t\n\r]/;
const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const replace = (c: string) => REPLACEMENTS[c]!;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Element text: decoding trims white space at the ends, so white space there is written as references. */
export function escapeText(text: string): string {
  const out = TEXT_SPECIAL.test(text) ? text.replace(/[&<>'"\r]/g, replace) : text;
  if (out.length === 0 || (!isSpace(out.charCodeAt(0)) && !isSpace(out.charCodeAt(out.length - 1)))) return out;
  let start = 0;
  while (start < out.length && isSpace(out.charCodeAt(start))) start++;
  let end = out.length;
  while (end > start && isSpace(out.charCodeAt(end - 1))) end--;
  const refs = (s: string) => s.replace(/[ \t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
  return refs(out.slice(0, start)) + out.slice(start, end) + refs(out.slice(end));
}

/** An attribute value: white space other than spaces would be normalized to spaces, so it is written as references. */
export function escapeAttribute(text: string): string {
  return ATTRIBUTE_SPECIAL.test(text) ? text.replace(/[&<>'"\t\n\r]/g, replace) : text;
}
