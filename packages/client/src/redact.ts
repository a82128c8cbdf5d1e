const MASK = '[redacted]';
/** Secrets shorter than this are replaced where they stand alone, not inside words ("x" in "expected"). */
const SHORT = 6;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every occurrence of each secret in `text` with `[redacted]` (longest secret first).
 * A secret shorter than six characters is replaced where it is not part of a longer word, so that
 * a short password does not garble every message. The client runs every message, Error body,
 * codec issue and cause it raises through it.
 * @example redact('token abc123 refused', ['abc123']) // 'token [redacted] refused'
 */
export function redact(text: string, secrets: Iterable<string>): string {
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of sorted) {
    out = secret.length >= SHORT ? out.split(secret).join(MASK) : out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`, 'gu'), MASK);
  }
  return out;
}
