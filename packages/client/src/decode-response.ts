import { decodeIn, formatOf, successOf, XmlCodecError, type CodecIssue, type ApiModel, type ErrorBody, type OperationSpec } from '@vbem/models';
import { AuthenticationError, HttpError, UnexpectedResponseError, type RequestContext } from './errors.js';
import type { Exchange } from './exchange.js';
import { UNAUTHORIZED } from './spec-conventions.js';

export interface DecodeSettings {
  /** The model whose XML maps decode the bodies. */
  readonly model: ApiModel;
  readonly strict: boolean;
  readonly onWarning?: ((issue: CodecIssue, operation: string) => void) | undefined;
}

/**
 * The value of a response: a success body decoded as the representation the URL asked for
 * (undefined for an operation that documents no body), or an HttpError for an error status, with
 * the Error body decoded leniently when there is one.
 */
export function decodeResponse(settings: DecodeSettings, operation: OperationSpec, url: URL, context: RequestContext, response: Exchange): unknown {
  const success = successOf(operation);
  if (response.status < 200 || response.status > 299) throw httpError(settings.model, context, response, success.status);
  if (success.formats.length === 0) return undefined;
  const representation = formatOf(url, success.formats, settings.model);
  if (!representation) {
    const known = success.formats.map((f) => f.format).join(', ');
    throw new UnexpectedResponseError(context, `a format ${operation.id} documents (${known})`, `a request for '${url.search}'`);
  }
  const onWarning = settings.onWarning;
  return decodeIn(settings.model, representation.body, response.body, {
    strict: settings.strict,
    ...(onWarning ? { onWarning: (issue: CodecIssue) => onWarning(issue, operation.id) } : {}),
  });
}

function httpError(model: ApiModel, context: RequestContext, response: Exchange, expected: number): HttpError {
  let body: ErrorBody | undefined;
  let cause: XmlCodecError | undefined;
  if (response.body.byteLength > 0) {
    try {
      body = decodeIn(model, model.api.errorBody, response.body) as ErrorBody;
    } catch (error) {
      if (!(error instanceof XmlCodecError)) throw error;
      cause = error;
    }
  }
  const Class = response.status === UNAUTHORIZED ? AuthenticationError : HttpError;
  return new Class(context, { status: response.status, statusText: response.statusText, expected, ...(body ? { body } : {}) }, cause ? { cause } : undefined);
}
