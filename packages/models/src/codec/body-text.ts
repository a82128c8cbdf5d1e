import { BodyTooLargeError, type XmlCodecError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How a representation names its errors: the path of the whole body, and the error for bytes that are not UTF-8 text. */
export interface BodyTextErrors {
  readonly root: string;
  readonly notText: () => XmlCodecError;
}

/**
 * A body's text, refused past `maxBytes` UTF-8 bytes or when its bytes are not UTF-8; a leading
 * byte order mark (9.5 U4-era bodies have one) dropped. Shared by the XML and JSON readers.
 */
export function bodyText(body: string | Uint8Array, maxBytes: number, errors: BodyTextErrors): string {
  // A string's UTF-8 length is between its length and three times it: count only when that decides.
  const bytes = typeof body !== 'string' ? body.byteLength : body.length * 3 <= maxBytes ? 0 : Buffer.byteLength(body);
  if (bytes > maxBytes) {
    throw new BodyTooLargeError([{ path: errors.root, expected: `at most ${maxBytes} bytes`, actual: `${bytes} bytes`, code: 'too-large' }], 'The body is too large');
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    throw errors.notText();
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
