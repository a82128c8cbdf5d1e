import { encodeIn, type ApiModel, type OperationSpec } from '@vbem/models';
import { corruptValue } from './corrupt-value.js';
import { corruptXml } from './corrupt-xml.js';
import type { Corruption, Fault } from './fault.js';
import type { MockResponse } from './mock-request.js';
import type { Reply } from './reply.js';

const utf8 = new TextEncoder();

/**
 * The response of a reply: the body encoded by the codec, `Content-Type: application/xml;
 * charset=utf-8` and an exact `Content-Length`, then the body faults of `fault` applied.
 * @example renderReply(model, errorReply(model, 404, 'Not found')).status // 404
 */
export function renderReply(model: ApiModel, reply: Reply, operation?: OperationSpec, fault?: Fault): MockResponse {
  const headers: Record<string, string> = { ...reply.headers };
  if (!reply.body) return { status: reply.status, headers, body: null };
  const corruptions = new Set<Corruption>(typeof fault?.corrupt === 'string' ? [fault.corrupt] : (fault?.corrupt ?? []));
  const type = reply.body.type;
  const value = corruptions.size > 0 ? corruptValue(reply.body.value, corruptions) : reply.body.value;
  let xml = encodeIn(model, type, value);
  if (corruptions.size > 0) xml = corruptXml(model, xml, model.xmlMaps[type]?.root ?? type, corruptions);
  if (fault?.mutate && operation) xml = fault.mutate(xml, { operation, status: reply.status });
  let body = utf8.encode(xml);
  if (fault?.truncate !== undefined && fault.truncate !== false) {
    body = body.subarray(0, fault.truncate === true ? Math.floor(body.length / 2) : fault.truncate);
  }
  headers['Content-Type'] = fault?.contentType ?? `${model.api.mediaType}; charset=utf-8`;
  if (!fault?.omitContentLength) headers['Content-Length'] = String(body.byteLength);
  return { status: reply.status, headers, body };
}
