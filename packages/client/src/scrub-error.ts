import { XmlCodecError, type CodecIssue } from '@vbem/models';
import { ClientError, HttpError } from './errors.js';
import type { Secrets } from './redact.js';

const MAX_CAUSE_DEPTH = 4;

/**
 * Makes an error safe to show: message, stack, codec issues and Error body redacted, and any
 * foreign cause (a fetch implementation's error may carry request headers) replaced by a plain
 * copy of its name, code and redacted message. Errors are changed in place and returned.
 */
export function scrubError(error: unknown, secrets: Secrets): unknown {
  if (!(error instanceof Error)) return error;
  const mutable = error as Error & { issues?: readonly CodecIssue[]; body?: Record<string, unknown> };
  error.message = secrets.redact(error.message);
  if (error.stack !== undefined) error.stack = secrets.redact(error.stack);
  if (error instanceof ClientError) {
    // Data fields such as `url` carry the ids of the client's own sessions (`/logonSessions/{id}`).
    for (const [key, value] of Object.entries(error)) if (typeof value === 'string') (mutable as unknown as Record<string, unknown>)[key] = secrets.redact(value);
  }
  if (error instanceof XmlCodecError) {
    mutable.issues = error.issues.map((i) => ({ ...i, path: secrets.redact(i.path), expected: secrets.redact(i.expected), actual: secrets.redact(i.actual) }));
  }
  if (error instanceof HttpError && error.body) {
    mutable.body = Object.fromEntries(Object.entries(error.body).map(([k, v]) => [k, typeof v === 'string' ? secrets.redact(v) : v]));
  }
  if ((error instanceof ClientError || error instanceof XmlCodecError) && error.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: plainCause(error.cause, secrets, 1), writable: true, configurable: true, enumerable: false });
  }
  return error;
}

function plainCause(cause: unknown, secrets: Secrets, depth: number): unknown {
  if (cause instanceof ClientError || cause instanceof XmlCodecError) return scrubError(cause, secrets);
  if (!(cause instanceof Error)) return typeof cause === 'string' ? secrets.redact(cause) : undefined;
  const nested = depth < MAX_CAUSE_DEPTH && cause.cause !== undefined ? plainCause(cause.cause, secrets, depth + 1) : undefined;
  const copy = new Error(secrets.redact(cause.message), nested === undefined ? undefined : { cause: nested });
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
