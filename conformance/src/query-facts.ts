import { PreciseDate, successOf, type ApiModel, type Link, type OperationSpec, type PagingInfo } from '@vbem/models';
import { carriersOf, type Carrier } from './checks/carriers-of.js';
import type { Exchange } from './exchange.js';
import { keptFacts } from './kept-facts.js';
import { isQuery } from './targets/operation-kinds.js';
import { understand } from './understand.js';

/**
 * The query service as the planner and the checks read it from the operation table: which query
 * parameter does what (by the documented names, matched case-insensitively), how each field of
 * `queryFields` compares, and what one page of a result holds.
 */

/** The parameters of the query service an operation documents, by their part. */
export interface QueryParams {
  readonly filter?: string;
  readonly sortAsc?: string;
  readonly sortDesc?: string;
  readonly pageSize?: string;
  readonly page?: string;
}

const PARTS: readonly (keyof QueryParams)[] = ['filter', 'sortAsc', 'sortDesc', 'pageSize', 'page'];

/** The query parameters of an operation, by their part (absent: not documented). */
export function queryParamsOf(op: OperationSpec): QueryParams {
  const out: Partial<Record<keyof QueryParams, string>> = {};
  for (const part of PARTS) {
    const found = op.query.find((q) => q.const === undefined && q.name.toLowerCase() === part.toLowerCase());
    if (found) out[part] = found.name;
  }
  return out;
}

/** A request's value of a query parameter, its name matched case-insensitively. */
export function paramOf(url: URL, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/** How a field compares: text (equality, case-insensitive), an enum (equality of its names), a date-time or a number (in order). */
export type FieldKind = 'text' | 'enum' | 'date' | 'number';

/** A field of `queryFields` the suite can judge: it reads a field of the entity itself. */
export interface QueryField {
  /** The name the query service knows it by. */
  readonly name: string;
  /** The entity's field it reads. */
  readonly source: string;
  readonly kind: FieldKind;
  /** An enum's documented values: a value a server added is no filter the documents promise to answer. */
  readonly values?: readonly string[];
}

/**
 * The fields of a query operation the suite can judge: those that read the entity's own scalar
 * fields (a field of a related entity is not in the entity's body; a boolean is no kind judged).
 * @example queryFieldsOf(model, op).filter((f) => f.kind === 'date')
 */
export function queryFieldsOf(model: ApiModel, op: OperationSpec): QueryField[] {
  const map = op.entity === undefined ? undefined : model.xmlMaps[op.entity];
  if (!map) return [];
  return Object.entries(op.queryFields ?? {}).flatMap(([name, source]) => {
    const field = [...map.attributes, ...map.elements].find((f) => f.name === source);
    const kind: FieldKind | undefined = !field?.scalar
      ? undefined
      : field.enum
        ? 'enum'
        : field.scalar === 'dateTime'
          ? 'date'
          : field.scalar === 'int' || field.scalar === 'long'
            ? 'number'
            : field.scalar === 'boolean'
              ? undefined
              : 'text';
    return kind ? [{ name, source, kind, ...(field?.enum ? { values: field.enum } : {}) }] : [];
  });
}

/** The field of a name (case-insensitive, as the service matches it). */
export const queryFieldNamed = (fields: readonly QueryField[], name: string): QueryField | undefined =>
  fields.find((f) => f.name.toLowerCase() === name.toLowerCase());

/** The UID attribute every entity and reference carries: the field a page's items are told apart by. */
export const UID = 'UID';

/** The items of one page: the entities or references of the body, not those nested in them. */
export function pageItemsOf(value: unknown, root: string): (Carrier & Record<string, unknown>)[] {
  const all = carriersOf(value, root);
  return all.filter((c) => !all.some((o) => o !== c && c.path.startsWith(`${o.path}/`))) as (Carrier & Record<string, unknown>)[];
}

/** The paging of a decoded query result, if it has one. */
export const pagingOf = (value: unknown): PagingInfo | undefined => {
  const paging = (value as { PagingInfo?: PagingInfo } | undefined)?.PagingInfo;
  return typeof paging?.PageNum === 'number' && typeof paging.PagesCount === 'number' ? paging : undefined;
};

/** The paging link of a relation (First, Previous, Next, Last), if the page has it. */
export const pagingLink = (paging: PagingInfo, rel: string): Link | undefined => paging.Links?.find((l) => l.Rel === rel);

/**
 * A comparable form of a field's value: lower-cased text, a number, a date's instant key (to every
 * digit of the fraction the server wrote: EM 13's .659559 is not .659); undefined when it has none.
 */
export function comparableOf(kind: FieldKind, value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (kind === 'date') {
    const date = value instanceof Date ? value : (PreciseDate.fromText(String(value)) ?? new Date(String(value)));
    return Number.isNaN(date.getTime()) ? undefined : PreciseDate.instantKey(date);
  }
  if (kind === 'number') {
    const n = typeof value === 'number' ? value : Number(String(value));
    return Number.isNaN(n) ? undefined : n;
  }
  return String(value).toLowerCase();
}

/** A date as xs:dateTime text in UTC with every digit of its fraction (`2026-06-16T06:33:10.659559Z`), as a filter or a message writes it. */
export const dateText = (date: Date): string => (date instanceof PreciseDate ? date.toJSON() : date.toISOString());

/** A successful query-service exchange as the query checks read it: its operation, request and page. */
export interface QueryPage {
  readonly exchange: Exchange;
  readonly op: OperationSpec;
  readonly url: URL;
  readonly params: QueryParams;
  readonly paging: PagingInfo;
  readonly items: (Carrier & Record<string, unknown>)[];
}

// Query pages are small (the planner asks a few items a page): a page is kept whole, bound to the exchange kept.
const pages = keptFacts(pageOf, (page, kept) => page && { ...page, exchange: kept });

/** The exchange as a page of a query result, or undefined when it is none (another operation, an error, a body that does not decode). */
export const queryPageOf = (exchange: Exchange): QueryPage | undefined => pages.of(exchange);

/** Keeps an exchange's page for the exchange kept without its body (`Check.keep` of the query checks). */
export const keepQueryPage = pages.keep;

function pageOf(exchange: Exchange): QueryPage | undefined {
  if (exchange.probe !== undefined || exchange.request.method !== 'GET' || !exchange.response) return undefined;
  const { operation, representation, value } = understand(exchange);
  if (!operation || !isQuery(operation) || !representation || value === undefined) return undefined;
  if (exchange.response.status !== successOf(operation).status) return undefined;
  const paging = pagingOf(value);
  if (!paging) return undefined;
  return { exchange, op: operation, url: new URL(exchange.request.url), params: queryParamsOf(operation), paging, items: pageItemsOf(value, representation.root) };
}
