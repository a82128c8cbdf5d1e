import type { OperationSpec, Representation } from '@vbem/models';

/**
 * A way to break a body that the conformance checks should catch. The model-level ones (UIDs,
 * Alternate links, dates) break XML and JSON answers alike; `wrong-namespace`, `wrong-root` and
 * `swapped-element-order` apply to XML answers only, the `json-…` ones to JSON answers only, so one
 * fault may hold both kinds and each answer gets its own.
 */
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
  | 'bad-date'
  /** JSON answers only: the first number or boolean member sent as a string (`"StatusCode":"401"`); a body without one gets its first string member as an object (`{"Value":…}`). */
  | 'json-wrong-type'
  /** JSON answers only: the first required scalar member left out, not even written as null (the body's own members first, then those below, depth first). */
  | 'json-missing-required'
  /** JSON answers only: the first list wrapped twice sent bare (`"Refs":{"Refs":[…]}` as `"Refs":[…]`). */
  | 'json-unwrapped-list'
  /** JSON answers only: the first non-empty array sent as its first item alone (`"Links":{…}` for `"Links":[{…}]`). */
  | 'json-array-as-object'
  /** JSON answers only: the last key of the body's last object in the other casing (`"type"` in a PascalCase body, `"Type"` in a camelCase one). */
  | 'json-mixed-casing';

/**
 * A way to break a rule of the query service (for operations with `queryFields`), so that a
 * conformance check of paging, filter or sort can be shown to fail. Everything else stays right:
 * a bad filter, sort field or page still gets 400.
 */
export type QueryFault =
  /** PagesCount, and the page the Last link names, one more than the pages there are (that page is empty); the pages themselves are right. */
  | 'pages-count-off-by-one'
  /** No Next link on any page; First, Previous and Last as usual. */
  | 'no-next-link'
  /**
   * Each page after the first starts one item early (an off-by-one in the page's start): the last item of page 1
   * comes again first on page 2, and a walk of pages 1..PagesCount misses the last item when the last page is full.
   * PagingInfo and links as usual.
   */
  | 'overlapping-pages'
  /** The filter is checked (400 for an unknown field or a bad value) but not applied: every entity is returned. */
  | 'ignore-filter'
  /** The sort is checked (400 for an unknown field) but not applied: the entities in their unsorted order. */
  | 'ignore-sort'
  /** `>=` and `<=` leave out an entity whose value equals the one asked for (they act as `>` and `<`); the other operators as usual. */
  | 'exclusive-bounds';

/** What a fault's `mutate` is told about the response it rewrites. */
export interface MutateContext {
  readonly operation: OperationSpec;
  readonly status: number;
  /** The representation of the body: XML, or JSON when the request's Accept asked for it. */
  readonly representation: Representation;
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
  /** Send this Content-Type instead of the right one (`application/xml; charset=utf-8`, or `application/json; charset=utf-8`). (default: the right one) */
  contentType?: string;
  /** Leave Content-Length out (the body goes chunked over HTTP). (default: false) */
  omitContentLength?: boolean;
  /** Break the body in these ways before it is sent. (default: none) */
  corrupt?: Corruption | readonly Corruption[];
  /** Rewrite the body's text (XML or JSON, as `context.representation` says) last, after `corrupt`. (default: none) */
  mutate?: (body: string, context: MutateContext) => string;
  /** Apply to the first this many requests of the operation only. (default: every request) */
  times?: number;
  /** For a query-service operation: break these rules of paging, filter or sort. (default: none) */
  query?: QueryFault | readonly QueryFault[];
  /** For an action: its task ends with `Success="false"` (`fail`) or stays Running (`hang`). (default: it succeeds) */
  task?: 'fail' | 'hang';
}

/** Faults by operation id (`logon`, …), of whatever model the mock serves. */
export type MockFaults = { readonly [operationId: string]: Fault | undefined };
