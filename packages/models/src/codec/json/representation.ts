import type { ApiModel } from '../../spec-types.js';

/** The bodies Enterprise Manager speaks: XML (the documented default) and JSON (asked for with `Accept: application/json`, since 9.5 Update 4). */
export type Representation = 'xml' | 'json';

/** Both representations, XML first. */
export const representations: readonly Representation[] = ['xml', 'json'];

/**
 * The media type of a representation: the spec's for XML, `application/json` for JSON.
 * @example mediaTypeOf(builtinModel, 'json') // 'application/json'
 */
export function mediaTypeOf(model: ApiModel, representation: Representation): string {
  return representation === 'json' ? 'application/json' : model.api.mediaType;
}
