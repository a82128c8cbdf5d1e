import { decodeIn, decodeJsonIn, encodeIn, encodeJsonIn, mediaTypeOf, type ApiModel, type CodecIssue, type KeyCasing, type Representation } from '@vbem/models';

/** What decoding a body may report besides its value. */
export interface BodyDecodeOptions {
  readonly strict: boolean;
  readonly onWarning?: ((issue: CodecIssue) => void) | undefined;
  /** The casing of a JSON body's keys; never called for XML. */
  readonly onCasing?: ((casing: KeyCasing) => void) | undefined;
}

/** One of the codec's two representations over one model: the media type to ask for and send, and how bodies are read and written. */
export interface BodyCodec {
  readonly representation: Representation;
  /** The `Accept` of every request and the `Content-Type` of every request body. */
  readonly mediaType: string;
  decode(type: string, body: Uint8Array, options: BodyDecodeOptions): unknown;
  encode(type: string, value: unknown): string;
}

/**
 * The codec of `representation`: the spec's XML, or the JSON the same maps derive (documented
 * PascalCase names written, either casing read). Both give the same typed values.
 */
export function bodyCodec(model: ApiModel, representation: Representation): BodyCodec {
  const mediaType = mediaTypeOf(model, representation);
  const common = ({ strict, onWarning }: BodyDecodeOptions) => ({ strict, ...(onWarning ? { onWarning } : {}) });
  return representation === 'json'
    ? {
        representation,
        mediaType,
        decode: (type, body, options) => decodeJsonIn(model, type, body, { ...common(options), ...(options.onCasing ? { onCasing: options.onCasing } : {}) }),
        encode: (type, value) => encodeJsonIn(model, type, value),
      }
    : { representation, mediaType, decode: (type, body, options) => decodeIn(model, type, body, common(options)), encode: (type, value) => encodeIn(model, type, value) };
}
