import { decodeIn, decodeJsonIn, mediaTypeOf, type ApiModel, type Representation } from '@vbem/models';

/** The representation of a request body: JSON when its Content-Type is `application/json`, else XML (the default, as before JSON). */
function requestRepresentation(model: ApiModel, contentType: string | null): Representation {
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
  return mediaType === mediaTypeOf(model, 'json') ? 'json' : 'xml';
}

/**
 * A request body decoded strictly as the model type `type`, by the codec of its Content-Type.
 * @throws {XmlCodecError} the codec's named error when the body is not a valid `type`.
 * @example decodeRequestBody(model, 'RestoreSpec', bytes, 'application/json')
 */
export function decodeRequestBody(model: ApiModel, type: string, bytes: Uint8Array, contentType: string | null): unknown {
  return requestRepresentation(model, contentType) === 'json' ? decodeJsonIn(model, type, bytes, { strict: true }) : decodeIn(model, type, bytes, { strict: true });
}
