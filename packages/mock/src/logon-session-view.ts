import { operationUrl, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import type { MockLogon } from './mock-state.js';
import { Head, LinkAttr, Rel } from './protocol-names.js';
import { lastParam } from './last-param.js';

const linkTypeOf = (operation: OperationSpec | undefined, format = 'default') => (operation ? successOf(operation).formats.find((f) => f.format === format)?.linkType : undefined);
const hrefWithId = (origin: string, model: ApiModel, operation: OperationSpec, id: string) => {
  const param = lastParam(operation.path) ?? 'id';
  return operationUrl(origin, operation, { [param]: id }, {}, model).href;
};
const link = (rel: string, href: string, type: string | undefined) => ({ [LinkAttr.Rel]: rel, [LinkAttr.Href]: href, ...(type !== undefined ? { [LinkAttr.Type]: type } : {}) });

/**
 * The LogonSession body of a logon: Up to the entry point, Down to every collection a session may
 * list (session GETs without parameters, each format with a link type), Delete to log off.
 * @example logonSessionView(model, 'http://127.0.0.1:9399', logon).SessionId
 */
export function logonSessionView(model: ApiModel, origin: string, logon: MockLogon): Record<string, unknown> {
  const { entryPoint, logonSession, logoff } = model.api.protocol;
  const entry = model.operations[entryPoint]!;
  const session = model.operations[logonSession]!;
  const links = [link(Rel.Up, operationUrl(origin, entry, {}, {}, model).href, linkTypeOf(entry))];
  for (const op of Object.values(model.operations)) {
    if (op.method !== 'GET' || op.auth !== 'session' || op.params.length > 0 || op.path.includes('{') || op.query.some((q) => q.const !== undefined)) continue;
    for (const f of successOf(op).formats) {
      if (f.linkType) links.push(link(Rel.Down, operationUrl(origin, op, {}, f.format === 'default' ? {} : { [model.api.formatParam]: f.format }, model).href, f.linkType));
    }
  }
  links.push(link(Rel.Delete, hrefWithId(origin, model, model.operations[logoff]!, logon.id), linkTypeOf(session)));
  const type = linkTypeOf(session);
  return {
    [Head.Href]: hrefWithId(origin, model, session, logon.id),
    ...(type !== undefined ? { [Head.Type]: type } : {}),
    [Head.Links]: links,
    UserName: logon.userName,
    SessionId: logon.id,
  };
}

/** The headers of a successful logon, as the spec lists them: the token, and the URL of the session. */
export function logonHeaders(model: ApiModel, origin: string, logon: MockLogon): Record<string, string> {
  const headers: Record<string, string> = {};
  const session = model.operations[model.api.protocol.logonSession]!;
  for (const h of successOf(model.operations[model.api.protocol.logon]!).headers) {
    if (h.name === model.api.sessionHeader) headers[h.name] = logon.token;
    else if (h.format === 'url') headers[h.name] = hrefWithId(origin, model, session, logon.id);
    else if (h.value !== undefined) headers[h.name] = h.value;
  }
  return headers;
}
