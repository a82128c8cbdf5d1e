import { api, operations, operationUrl, successOf, type Link, type LogonSession } from '@vbem/models';
import type { MockLogon } from './mock-state.js';
import { hrefOf } from './ref-of.js';

const linkTypeOf = (operation: keyof typeof operations, format = 'default') =>
  successOf(operations[operation]).formats.find((f) => f.format === format)?.linkType;

// Down links to every collection a session may list: GET operations without path parameters whose
// representations have a Veeam type.
const collections = Object.values(operations).filter((op) => op.method === 'GET' && op.auth === 'session' && op.params.length === 0);

/**
 * The LogonSession body of a logon: Up to the entry point, Down to the collections, Delete to log off.
 * @example logonSessionView('http://127.0.0.1:9399', logon).SessionId
 */
export function logonSessionView(origin: string, logon: MockLogon): LogonSession {
  const links: Link[] = [{ Rel: 'Up', Type: linkTypeOf('getEntryPoint'), Href: operationUrl(origin, operations.getEntryPoint).href }];
  for (const op of collections) {
    for (const f of successOf(op).formats) {
      if (f.linkType) links.push({ Rel: 'Down', Type: f.linkType, Href: operationUrl(origin, op, {}, f.format === 'default' ? {} : { format: f.format }).href });
    }
  }
  links.push({ Rel: 'Delete', Type: linkTypeOf('getLogonSession'), Href: hrefOf(origin, operations.logoff, logon.id, 'default') });
  return {
    Href: hrefOf(origin, operations.getLogonSession, logon.id, 'default'),
    Type: linkTypeOf('getLogonSession'),
    Links: links.map((l) => (l.Type === undefined ? { Rel: l.Rel, Href: l.Href } : l)),
    UserName: logon.userName,
    SessionId: logon.id,
  };
}

/** The headers of a successful logon, as the spec lists them: the token, and the URL of the session. */
export function logonHeaders(origin: string, logon: MockLogon): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of successOf(operations.logon).headers) {
    if (h.name === api.sessionHeader) headers[h.name] = logon.token;
    else if (h.format === 'url') headers[h.name] = hrefOf(origin, operations.getLogonSession, logon.id, 'default');
    else if (h.value !== undefined) headers[h.name] = h.value;
  }
  return headers;
}
