import { operationUrl, successOf, type OperationSpec } from '@vbem/models';
import type { QueryFault } from '../fault.js';
import { indexOf } from '../model-index.js';
import type { MockState } from '../mock-state.js';
import { runQuery } from '../query/run-query.js';
import type { BodyFormat } from '../body-format.js';

/** A page of a query as a client sees it: the UIDs in order, the PagingInfo and its links by Rel. */
export interface QueryPage {
  readonly uids: string[];
  readonly pageNum: number;
  readonly pageSize: number;
  readonly pagesCount: number;
  /** Rel → href, in the order the page lists them. */
  readonly links: ReadonlyMap<string, string>;
}

/** The references format of a query operation (its result element holding Refs), else its first. */
export function referencesFormatOf(state: MockState, op: OperationSpec): BodyFormat {
  const index = indexOf(state.model);
  const formats = successOf(op).formats;
  return formats.find((f) => index.map(f.body).elements.some((e) => e.name.toLowerCase() === f.format.toLowerCase() && e.item !== undefined)) ?? formats[0]!;
}

/** Runs a query in-process at `url` (any origin), with these query faults, and reads the page as a client would. */
export function queryPage(state: MockState, op: OperationSpec, url: URL, faults: ReadonlySet<QueryFault> = new Set()): QueryPage {
  const value = runQuery(state, op, url, referencesFormatOf(state, op), faults) as Record<string, unknown> & {
    PagingInfo: { PageNum: number; PageSize: number; PagesCount: number; Links?: { Rel: string; Href: string }[] };
  };
  const refs = Object.values(value).find(Array.isArray) as { UID: string }[] | undefined;
  const info = value.PagingInfo;
  return {
    uids: (refs ?? []).map((r) => r.UID),
    pageNum: info.PageNum,
    pageSize: info.PageSize,
    pagesCount: info.PagesCount,
    links: new Map((info.Links ?? []).map((l) => [l.Rel, l.Href])),
  };
}

/** A URL of the query operation with these query parameters, on a loopback origin (`runQuery` serves any). */
export function queryUrl(state: MockState, op: OperationSpec, query: Readonly<Record<string, string | number>>): URL {
  return operationUrl('http://127.0.0.1:9399', op, {}, query, state.model);
}
