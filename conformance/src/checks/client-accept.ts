import { mediaTypeOf } from '@vbem/models';
import { askedRepresentation } from '../asked-representation.js';
import type { Check } from '../check-result.js';
import { modelOf } from '../exchange-model.js';
import { verdict } from './verdict.js';

const v = verdict('client.accept');

/**
 * The client asks for the media type of its own representation on every request, and the server
 * would answer in it (a JSON type anywhere in the header means JSON to Enterprise Manager).
 */
export const clientAccept: Check = {
  id: 'client.accept',
  scope: 'exchange',
  title: 'the client sends Accept: the media type of its representation (XML or JSON)',
  run: (exchange) => {
    if (exchange.probe === 'foreign-origin') return [];
    const wanted = exchange.clientRepresentation ?? 'xml';
    const mediaType = mediaTypeOf(modelOf(exchange), wanted);
    const accept = exchange.request.headers.accept;
    if (accept?.toLowerCase().includes(mediaType) && askedRepresentation(exchange) === wanted) return [v.passed(`Accept: ${accept}`)];
    return [v.failed(`expected Accept: ${mediaType} (the client's representation: ${wanted.toUpperCase()}), got ${accept ?? 'none'}`)];
  },
};
