import type { OperationSpec } from '@vbem/models';

/** A way to break a body that the conformance checks should catch. */
export type Corruption =
  /** The document element in another namespace. */
  | 'wrong-namespace'
  /** Another document element than the spec's. */
  | 'wrong-root'
  /** Every UID attribute left out. */
  | 'missing-uid'
  /** Every UID reduced to its bare id (no `urn:veeam:<Type>:`). */
  | 'malformed-uid'
  /** Every Alternate link left out. */
  | 'missing-alternate-link'
  /** Every Alternate link pointing at an id that does not exist. */
  | 'broken-alternate-link'
  /** The first two differently named sibling elements swapped (entity bodies; references have none). */
  | 'swapped-element-order'
  /** Every date-time replaced by one that is not a date (entity bodies). */
  | 'bad-date';

/** What a fault's `mutate` is told about the response it rewrites. */
export interface MutateContext {
  readonly operation: OperationSpec;
  readonly status: number;
}

/** Faults injected into the responses of one operation. */
export interface Fault {
  /** Wait this long before answering, in ms. (default: 0) */
  latencyMs?: number;
  /** Answer with this status: with an Error body from 400 up, with the usual body below. (default: the real status) */
  status?: number;
  /** Drop the connection without an answer (`HttpResponse.error()`; the socket is destroyed over HTTP). (default: false) */
  reset?: boolean;
  /** Send only this many bytes of the body, `true` for half of it; Content-Length matches what is sent. (default: false) */
  truncate?: boolean | number;
  /** Send this Content-Type instead of `application/xml; charset=utf-8`. (default: the right one) */
  contentType?: string;
  /** Leave Content-Length out (the body goes chunked over HTTP). (default: false) */
  omitContentLength?: boolean;
  /** Break the body in these ways before it is sent. (default: none) */
  corrupt?: Corruption | readonly Corruption[];
  /** Rewrite the XML body last, after `corrupt`. (default: none) */
  mutate?: (xml: string, context: MutateContext) => string;
  /** Apply to the first this many requests of the operation only. (default: every request) */
  times?: number;
  /** For an action: its task ends with `Success="false"` (`fail`) or stays Running (`hang`). (default: it succeeds) */
  task?: 'fail' | 'hang';
}

/** Faults by operation id (`logon`, …), of whatever model the mock serves. */
export type MockFaults = { readonly [operationId: string]: Fault | undefined };
