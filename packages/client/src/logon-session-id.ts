import { logonSessionIdOf, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import type { Exchange } from './exchange.js';

/**
 * The id of the session a logon response opened, without decoding its body: from the header the
 * spec gives the new session's URL in (Location), else from the SessionId of the raw body: its XML
 * element, or its JSON property in either casing.
 * Used to log off a session whose LogonSession body could not be read.
 */
export function logonSessionId(response: Exchange, logon: OperationSpec, model: ApiModel): string | undefined {
  const header = successOf(logon).headers.find((h) => h.format === 'url')?.name;
  const fromUrl = header === undefined ? undefined : logonSessionIdOf(response.headers.get(header), model);
  const text = Buffer.from(response.body).toString('utf8');
  return fromUrl ?? (/<(?:\w+:)?SessionId>\s*([^<\s]+)\s*<\//.exec(text) ?? /"[Ss]essionId"\s*:\s*"([^"\\\s]+)"/.exec(text))?.[1];
}
