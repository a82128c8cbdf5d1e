// XML 1.0 (fifth edition) character classes, for the tokenizer. Code units of a JS string: pairs of
// surrogates are checked by the caller.

const NAME_START = new Uint8Array(128);
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  NAME_START[c] = start ? 1 : 0;
  NAME[c] = start || (c >= 48 && c <= 57) || c === 45 || c === 46 ? 1 : 0;
}

/** NameStartChar for a BMP code unit (a high surrogate counts: the caller checks its pair). */
export function isNameStart(c: number): boolean {
  if (c < 128) return NAME_START[c] === 1;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xd800 && c <= 0xdb7f) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** NameChar for a BMP code unit. */
export function isNameChar(c: number): boolean {
  if (c < 128) return NAME[c] === 1;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** Char for a code point. */
export function isXmlChar(cp: number): boolean {
  return cp >= 0x20 ? cp <= 0xd7ff || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff) : cp === 9 || cp === 10 || cp === 13;
}

export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * True when `text` between elements holds only white space. Unicode white space counts too (no-break
 * spaces indent the documentation pages' examples): between elements it is layout, never data.
 */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return text.trim().length === 0;
  return true;
}
