import {
  api,
  decodeIn,
  decodeJsonIn,
  formatOf,
  XmlCodecError,
  type CodecIssue,
  type KeyCasing,
  type OperationSpec,
  type Representation,
  type ResponseSpec,
} from '@vbem/models';
import { askedRepresentation } from './asked-representation.js';
import { BodyDroppedError } from './errors.js';
import type { Exchange } from './exchange.js';
import { modelOf } from './exchange-model.js';
import { bodyDropped } from './kept-facts.js';

/** One documented form of a response body (`?format=`): its model type and document element. */
export type BodyFormat = ResponseSpec['formats'][number];

/** What the spec says about an exchange's response, and what its body decodes to. */
export interface Understanding {
  readonly operation?: OperationSpec;
  /** The documented response for the status received; absent when the status is undocumented. */
  readonly response?: ResponseSpec;
  /** The documented form the body should be; for an undocumented error status, the Error body. */
  readonly representation?: BodyFormat;
  /** Which representation carried the body: the one the request asked for (XML, or JSON with `Accept: application/json`). */
  readonly wire: Representation;
  /** The casing of a JSON body's keys, when a key told it (PascalCase documented, camelCase on EM 13). */
  readonly casing?: KeyCasing;
  /** The body decoded leniently: what the server added is left out of it. */
  readonly value?: unknown;
  /** Why the decode failed: a documented rule broken (never an addition alone), in XML or JSON. */
  readonly error?: XmlCodecError;
  /** What the body adds to the spec (an unknown element or attribute, stray text, an undocumented enum value). */
  readonly additions?: readonly CodecIssue[];
  /** Where the documents disagree on a name, the documented form the body used (once per form). */
  readonly forms?: readonly CodecIssue[];
}

const cache = new WeakMap<Exchange, Understanding>();

/** The operation an exchange was matched to, in the model it was recorded against. */
export const operationOf = (exchange: Exchange): OperationSpec | undefined =>
  exchange.operationId === undefined ? undefined : modelOf(exchange).operations[exchange.operationId];

// Any error status answers with the Error body: the representation every error response documents.
const errorRepresentationOf = (exchange: Exchange): BodyFormat | undefined =>
  Object.values(modelOf(exchange).operations)
    .flatMap((op) => op.responses)
    .find((r) => r.error)?.formats[0];

/**
 * Reads an exchange against the spec once (memoized per exchange): the documented response, the
 * body form and representation (XML or JSON) asked for, and the body decoded by the codec of that
 * representation into the same typed value, leniently: additions are listed, not refused.
 * @throws {BodyDroppedError} for an exchange kept without its body (`withoutBody`): its checks read kept facts.
 * @example understand(exchange).representation?.root // 'EntityReferences'
 */
export function understand(exchange: Exchange): Understanding {
  let found = cache.get(exchange);
  if (!found && bodyDropped(exchange)) throw new BodyDroppedError(exchange.request.url);
  if (!found) cache.set(exchange, (found = compute(exchange)));
  return found;
}

function compute(exchange: Exchange): Understanding {
  const operation = operationOf(exchange);
  const wire = askedRepresentation(exchange);
  const received = exchange.response;
  if (!received) return { operation, wire };
  const response = operation?.responses.find((r) => r.status === received.status);
  const representation = representationOf(exchange, response, received.status);
  if (!representation) return { operation, response, wire };
  const additions: CodecIssue[] = [];
  const forms: CodecIssue[] = [];
  let casing = undefined as KeyCasing | undefined;
  const options = { onWarning: (issue: CodecIssue) => additions.push(issue), onForm: (issue: CodecIssue) => forms.push(issue) };
  try {
    const value =
      wire === 'json'
        ? decodeJsonIn(modelOf(exchange), representation.body, received.body, { ...options, onCasing: (c) => (casing = c) })
        : decodeIn(modelOf(exchange), representation.body, received.body, options);
    return { operation, response, representation, wire, value, additions, forms, ...(casing ? { casing } : {}) };
  } catch (error) {
    if (!(error instanceof XmlCodecError)) throw error;
    return { operation, response, representation, wire, error };
  }
}

function representationOf(exchange: Exchange, response: ResponseSpec | undefined, status: number): BodyFormat | undefined {
  if (!response) return status >= 400 && exchange.response!.body.length > 0 ? errorRepresentationOf(exchange) : undefined;
  if (response.formats.length === 0) return undefined;
  if (response.error) return response.formats[0];
  return formatOf(new URL(exchange.request.url), response.formats, modelOf(exchange));
}

/** The API's session header, lower-cased as recorded. */
export const sessionHeader = api.sessionHeader.toLowerCase();
