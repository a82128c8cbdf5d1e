import { matchOperation, operations } from '@vbem/models';
import type { Exchange } from './exchange.js';

/**
 * The id of the session a logon response opened, without decoding its body: from the Location
 * header (the session's URL), else from the SessionId element of the raw body. Used to log off a
 * session whose LogonSession body could not be read.
 */
export function logonSessionId(response: Exchange): string | undefined {
  const location = response.headers.get('location');
  if (location && URL.canParse(location)) {
    const match = matchOperation('GET', new URL(location));
    if (match?.operation.id === operations.getLogonSession.id && match.params.id) return match.params.id;
  }
  return /<(?:\w+:)?SessionId>\s*([^<\s]+)\s*<\//.exec(Buffer.from(response.body).toString('utf8'))?.[1];
}
