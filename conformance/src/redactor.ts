import { Secrets } from '@vbem/client';
import { api } from '@vbem/models';

/** What a secret is replaced with in every output. */
export const REDACTED = '[redacted]';

// Header values that carry credentials or the session token: the API's session header and HTTP's own.
const secretHeaders = new Set([api.sessionHeader.toLowerCase(), 'authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * Keeps passwords, session tokens and logon session ids out of recorded exchanges, messages and
 * reports. Secrets shorter than 3 characters are not scrubbed from free text (they would garble it).
 * @example const r = new Redactor(); r.add(password); r.text(`logon as ${password}`) // 'logon as [redacted]'
 */
export class Redactor {
  readonly #secrets = new Secrets();

  /** Adds a secret, with its URL-encoded and base64 forms (a token is often base64 of the session id). */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < 3) return;
    this.#secrets.add(secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'));
  }

  /** The text with every known secret replaced (one shorter than six characters where it stands alone). */
  text(value: string): string {
    return this.#secrets.redact(value);
  }

  /** Headers with lower-case names, credential headers blanked (an Authorization keeps its scheme). */
  headers(headers: Headers | Readonly<Record<string, string>>): Record<string, string> {
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    const out: Record<string, string> = {};
    for (const [rawName, value] of entries) {
      const name = rawName.toLowerCase();
      if (!secretHeaders.has(name)) out[name] = this.text(value);
      else if (name.endsWith('authorization') && value.includes(' ')) out[name] = `${value.slice(0, value.indexOf(' '))} ${REDACTED}`;
      else out[name] = REDACTED;
    }
    return out;
  }
}
