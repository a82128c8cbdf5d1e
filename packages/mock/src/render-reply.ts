import { encodeIn, encodeJsonIn, mediaTypeOf, type ApiModel, type OperationSpec, type Representation } from '@vbem/models';
import { corruptJson } from './corrupt-json.js';
import { corruptValue } from './corrupt-value.js';
import { corruptXml } from './corrupt-xml.js';
import type { Corruption, Fault } from './fault.js';
import { jsonStyleOf, type MockJsonOptions } from './json-styles.js';
import type { MockResponse } from './mock-request.js';
import type { Reply } from './reply.js';

const utf8 = new TextEncoder();

/** How a reply is written. */
export interface RenderOptions {
  /** The representation the request accepted. (default: 'xml') */
  readonly representation?: Representation;
  /** The casing and null style of a JSON body. (default: EM 12's, see `jsonStyles`) */
  readonly json?: MockJsonOptions | undefined;
  /** The operation answered (a fault's `mutate` is told it). */
  readonly operation?: OperationSpec | undefined;
  /** The body faults to apply. */
  readonly fault?: Fault | undefined;
}

/**
 * The response of a reply: the body encoded by the codec in the representation asked for (XML by
 * `encodeIn`, JSON by `encodeJsonIn` in the style asked for), its media type with `charset=utf-8`
 * and an exact `Content-Length`, then the body faults of `fault` applied.
 * @example renderReply(model, errorReply(model, 404, 'Not found'), { representation: 'json' }).status // 404
 */
export function renderReply(model: ApiModel, reply: Reply, { representation = 'xml', json, operation, fault }: RenderOptions = {}): MockResponse {
  const headers: Record<string, string> = { ...reply.headers };
  if (!reply.body) return { status: reply.status, headers, body: null };
  const corruptions = new Set<Corruption>(typeof fault?.corrupt === 'string' ? [fault.corrupt] : (fault?.corrupt ?? []));
  const type = reply.body.type;
  const value = corruptions.size > 0 ? corruptValue(reply.body.value, corruptions) : reply.body.value;
  let text: string;
  if (representation === 'json') {
    // Even EM 9.5, which left null members out of entities, wrote them in its Error bodies (../real-world/json/error-*-v9.5u4*.json).
    const style = type === model.api.errorBody ? { ...jsonStyleOf(json), nulls: true } : jsonStyleOf(json);
    text = corruptions.size > 0 ? corruptJson(model, type, value, style, corruptions) : encodeJsonIn(model, type, value, style);
  } else {
    text = encodeIn(model, type, value);
    if (corruptions.size > 0) text = corruptXml(model, text, model.xmlMaps[type]?.root ?? type, corruptions);
  }
  if (fault?.mutate && operation) text = fault.mutate(text, { operation, status: reply.status, representation });
  let body = utf8.encode(text);
  if (fault?.truncate !== undefined && fault.truncate !== false) {
    body = body.subarray(0, fault.truncate === true ? Math.floor(body.length / 2) : fault.truncate);
  }
  headers['Content-Type'] = fault?.contentType ?? `${mediaTypeOf(model, representation)}; charset=utf-8`;
  if (!fault?.omitContentLength) headers['Content-Length'] = String(body.byteLength);
  return { status: reply.status, headers, body };
}
