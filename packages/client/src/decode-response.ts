import { formatOf, successOf, XmlCodecError, type CodecIssue, type ApiModel, type ErrorBody, type KeyCasing, type OperationSpec } from '@vbem/models';
import type { BodyCodec, BodyDecodeOptions } from './body-codec.js';
import { AuthenticationError, HttpError, UnexpectedResponseError, type RequestContext } from './errors.js';
import type { Exchange } from './exchange.js';
import { UNAUTHORIZED } from './spec-conventions.js';

export interface DecodeSettings {
  /** The model whose maps decode the bodies. */
  readonly model: ApiModel;
  /** The representation asked for, and its codec. */
  readonly codec: BodyCodec;
  readonly strict: boolean;
  readonly onWarning?: ((issue: CodecIssue, operation: string) => void) | undefined;
  readonly onCasing?: ((casing: KeyCasing, operation: string) => void) | undefined;
}

/**
 * The value of a response: a success body decoded as the representation the URL asked for
 * (undefined for an operation that documents no body), or an HttpError for an error status, with
 * the Error body decoded leniently when there is one. Either is read in the client's representation.
 */
export function decodeResponse(settings: DecodeSettings, operation: OperationSpec, url: URL, context: RequestContext, response: Exchange): unknown {
  const success = successOf(operation);
  if (response.status < 200 || response.status > 299) throw httpError(settings, operation, context, response, success.status);
  if (success.formats.length === 0) return undefined;
  const representation = formatOf(url, success.formats, settings.model);
  if (!representation) {
    const known = success.formats.map((f) => f.format).join(', ');
    throw new UnexpectedResponseError(context, `a format ${operation.id} documents (${known})`, `a request for '${url.search}'`);
  }
  return settings.codec.decode(representation.body, response.body, decodeOptions(settings, operation, settings.strict));
}

/** The settings' hooks, told the operation. */
function decodeOptions(settings: DecodeSettings, operation: OperationSpec, strict: boolean): BodyDecodeOptions {
  const { onWarning, onCasing } = settings;
  return {
    strict,
    ...(onWarning ? { onWarning: (issue: CodecIssue) => onWarning(issue, operation.id) } : {}),
    ...(onCasing ? { onCasing: (casing: KeyCasing) => onCasing(casing, operation.id) } : {}),
  };
}

function httpError(settings: DecodeSettings, operation: OperationSpec, context: RequestContext, response: Exchange, expected: number): HttpError {
  let body: ErrorBody | undefined;
  let cause: XmlCodecError | undefined;
  if (response.body.byteLength > 0) {
    try {
      body = settings.codec.decode(settings.model.api.errorBody, response.body, { ...decodeOptions(settings, operation, false), onWarning: undefined }) as ErrorBody;
    } catch (error) {
      if (!(error instanceof XmlCodecError)) throw error;
      cause = error;
    }
  }
  const Class = response.status === UNAUTHORIZED ? AuthenticationError : HttpError;
  return new Class(context, { status: response.status, statusText: response.statusText, expected, ...(body ? { body } : {}) }, cause ? { cause } : undefined);
}
