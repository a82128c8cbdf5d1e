import { BaseUrlError, normalizeBaseUrl } from '@vbem/client';
import { UsageError } from '@vbem/conformance';

/**
 * The --base-url option as the server URL, without `/api` or a trailing slash; a URL the client
 * would refuse is a UsageError that shows the fix and never echoes credentials.
 * @example parseBaseUrl('https://em.example:9398/api/') // 'https://em.example:9398'
 */
export function parseBaseUrl(text: string): string {
  try {
    return normalizeBaseUrl(text).href.replace(/\/$/, '');
  } catch (error) {
    if (!(error instanceof BaseUrlError)) throw error;
    throw new UsageError('--base-url', error.expected, `${error.actual}${error.suggestion ? `; did you mean ${error.suggestion}?` : ''}`);
  }
}
