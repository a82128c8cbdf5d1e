import { operations } from '../generated/operations.gen.js';
import { builtinModel } from '../model.js';
import type { ApiModel, OperationSpec, Representation } from '../spec-types.js';

export type OperationId = keyof typeof operations;

export interface OperationMatch {
  readonly operation: OperationSpec;
  /** Path parameters, decoded. */
  readonly params: Record<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An operation, its place in the table (the first to match wins) and its path template as a regular expression. */
type Entry = readonly [index: number, operation: OperationSpec, pattern: RegExp];

/**
 * The table's path templates, indexed so a lookup tests a few of them, not all: by the number of
 * segments and the segment after the base path (`/api/jobs/{id}`: 3 and `jobs`); a template whose
 * segment there is a parameter is tried for every path of its length. Built once per model.
 */
interface PathIndex {
  /** Where the segment after the base path is in a path split at `/`. */
  readonly at: number;
  readonly byKey: ReadonlyMap<string, readonly Entry[]>;
  readonly anyAt: ReadonlyMap<number, readonly Entry[]>;
}

/** A path's segments, a trailing slash dropped: each template's regex allows one, and a parameter is one segment. */
const segmentsOf = (path: string) => path.replace(/\/$/, '').split('/');
const keyOf = (length: number, segment: string) => `${length} ${segment}`;
const push = <K>(map: Map<K, Entry[]>, key: K, entry: Entry) => void (map.get(key) ?? map.set(key, []).get(key)!).push(entry);

const indexes = new WeakMap<ApiModel, PathIndex>();
function indexOf(model: ApiModel): PathIndex {
  let index = indexes.get(model);
  if (!index) {
    const at = segmentsOf(model.api.basePath).length;
    const byKey = new Map<string, Entry[]>();
    const anyAt = new Map<number, Entry[]>();
    Object.values(model.operations).forEach((op, i) => {
      const template = `${model.api.basePath}${op.path}`;
      const source = escape(template.replace(/\/$/, '')).replace(/\\\{(\w+)\\\}/g, '(?<$1>[^/]+)');
      const entry: Entry = [i, op, new RegExp(`^${source}/?$`)];
      const segments = segmentsOf(template);
      const segment = segments[at];
      if (segment === undefined || segment.includes('{')) push(anyAt, segments.length, entry);
      else push(byKey, keyOf(segments.length, segment), entry);
    });
    index = { at, byKey, anyAt };
    indexes.set(model, index);
  }
  return index;
}

/** The templates that may match a path, in table order: those of its length and segment, and those with a parameter there. */
function candidatesFor(path: string, model: ApiModel): readonly Entry[] {
  const { at, byKey, anyAt } = indexOf(model);
  const segments = segmentsOf(path);
  const keyed = byKey.get(keyOf(segments.length, segments[at] ?? '')) ?? [];
  const any = anyAt.get(segments.length) ?? [];
  return any.length === 0 ? keyed : keyed.length === 0 ? any : [...keyed, ...any].sort((a, b) => a[0] - b[0]);
}

const equalsIgnoringCase = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();
const constQueryHolds = (op: OperationSpec, url: URL) => op.query.every((q) => q.const === undefined || equalsIgnoringCase(url.searchParams.get(q.name), q.const));

/** The operations whose path template matches, whatever the method (for 404 versus 405). */
export function operationsAtPath(url: URL, model: ApiModel = builtinModel): OperationSpec[] {
  const path = url.pathname;
  return candidatesFor(path, model).flatMap(([, op, pattern]) => (pattern.test(path) && constQueryHolds(op, url) ? [op] : []));
}

/**
 * The operation a request is for: the method, the path template, and any `const` query parameter
 * (several query-service operations share `/query` and differ by `type`).
 * @example matchOperation('GET', new URL('https://em:9398/api/cloud/failoverSessions/4754…'))?.operation.id
 */
export function matchOperation(method: string, url: URL, model: ApiModel = builtinModel): OperationMatch | undefined {
  const path = url.pathname;
  const wanted = method.toUpperCase();
  for (const [, operation, pattern] of candidatesFor(path, model)) {
    if (operation.method !== wanted) continue;
    const match = pattern.exec(path);
    if (!match || !constQueryHolds(operation, url)) continue;
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    return { operation, params };
  }
  return undefined;
}

/** The `format` query value of a request, matched case-insensitively to one the response knows; 'default' when absent. */
export function formatOf(url: URL, formats: readonly Representation[], model: ApiModel = builtinModel): Representation | undefined {
  const asked = url.searchParams.get(model.api.formatParam);
  if (asked === null) return formats.find((f) => f.format === 'default');
  return formats.find((f) => f.format !== 'default' && equalsIgnoringCase(asked, f.format));
}

/**
 * The URL asking for one representation of a resource: 'default' asks for none.
 * @example withFormat(new URL('https://em:9398/api/cloud/failoverSessions'), 'Entity').search // '?format=Entity'
 */
export function withFormat(url: URL, format: string, model: ApiModel = builtinModel): URL {
  const out = new URL(url);
  if (format === 'default') out.searchParams.delete(model.api.formatParam);
  else out.searchParams.set(model.api.formatParam, format);
  return out;
}

/** The success response of an operation (the one non-error status it documents). */
export function successOf(operation: OperationSpec) {
  return operation.responses.find((r) => !r.error)!;
}

/**
 * The URL of an operation: path parameters URL-encoded, query parameters (defaults included) in order.
 * @example operationUrl('https://em:9398', operations.logon, {}, {}) // https://em:9398/api/sessionMngr/?v=latest
 */
export function operationUrl(
  baseUrl: string | URL,
  operation: OperationSpec,
  params: Readonly<Record<string, string>> = {},
  query: Readonly<Record<string, string | number | boolean | undefined>> = {},
  model: ApiModel = builtinModel,
): URL {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${operation.id} needs the path parameter '${name}'`);
    return encodeURIComponent(value);
  });
  const base = new URL(baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, '')}${model.api.basePath}${path}`, base);
  for (const q of operation.query) {
    const value = query[q.name] ?? q.const ?? q.default;
    if (value !== undefined) url.searchParams.set(q.name, String(value));
  }
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && !operation.query.some((q) => q.name === name)) url.searchParams.set(name, String(value));
  }
  return url;
}
