import { api, type OperationTypes, type QueryResult, type Task } from '@vbem/models';

/**
 * The few names the spec's format implies but the operation table does not carry as data.
 * Each is checked against the generated types, so a spec change that drops it fails to compile.
 */

/** The query parameter that picks a representation (`?format=Entity`). */
export const FORMAT_PARAM = api.formatParam;

/** The query parameter of a paged operation that asks for one page. */
export const PAGE_PARAM = 'page' satisfies keyof OperationTypes['queryCloudFailoverSessions']['query'];

/** The representation an operation answers with when no `format` is asked for. */
export const DEFAULT_FORMAT = 'default' satisfies keyof OperationTypes['getCloudFailoverSession']['formats'];

/** HTTP semantics (RFC 9110), not facts of this API: the session or credentials were refused. */
export const UNAUTHORIZED = 401;

/** HTTP semantics (RFC 9110): the server is temporarily unable to answer; a GET may be tried again. */
export const SERVICE_UNAVAILABLE = 503;

/** The fields of a query-service page that hold no items: its paging and its links. */
export const ITEMLESS_FIELDS = ['PagingInfo', 'Links'] as const satisfies readonly (keyof QueryResult)[];
export type ITEMLESS_FIELDS = (typeof ITEMLESS_FIELDS)[number];

/** A Task still running, in its State (`tasks.wait` polls until it is something else). */
export const TASK_RUNNING = 'Running' satisfies Task['State'];
