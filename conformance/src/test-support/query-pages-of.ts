import { join } from 'node:path';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { builtinModel, encodeIn, operationUrl, withFormat, type ApiModel, type OperationSpec } from '@vbem/models';
import type { Exchange } from '../exchange.js';
import { withModel } from '../exchange-model.js';
import { queryParamsOf } from '../query-facts.js';

/** The widgets family laid over the spec (spec-fixtures/widgets): a query operation of the tests' own. */
export const widgetsModel: ApiModel = loadModelWith(join(specFixturesDir, 'widgets'));
export const queryOperation: OperationSpec = Object.values(widgetsModel.operations).find((o) => o.queryFields !== undefined && !(o.id in builtinModel.operations))!;
/** The query's parameters by their part (page, pageSize, filter, sortAsc, sortDesc). */
export const params = queryParamsOf(queryOperation) as Required<ReturnType<typeof queryParamsOf>>;

const origin = 'https://em.test:9398';
const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One item of the query's entity: number n, with a field of each kind the tests set. */
export interface TestItem {
  readonly n: number;
  readonly text?: string;
  readonly enumValue?: string;
  readonly date?: Date;
  readonly number?: number;
}

/** The query's fields of each kind (text, enum, date, number), by the name the query service knows and the entity field it reads. */
export function fieldsOfKinds() {
  const map = widgetsModel.xmlMaps[queryOperation.entity!]!;
  const all = Object.entries(queryOperation.queryFields!).map(([name, source]) => ({ name, source, field: [...map.attributes, ...map.elements].find((f) => f.name === source) }));
  const find = (test: (f: NonNullable<(typeof all)[number]['field']>) => boolean) => all.find((a) => a.field && test(a.field))!;
  return {
    text: find((f) => f.scalar === 'string' && !f.enum),
    enum: find((f) => f.enum !== undefined),
    date: find((f) => f.scalar === 'dateTime'),
    number: find((f) => f.scalar === 'long' || f.scalar === 'int'),
  };
}

function entityOf(item: TestItem): Record<string, unknown> {
  const k = fieldsOfKinds();
  const type = queryOperation.entity!;
  const map = widgetsModel.xmlMaps[type]!;
  const value: Record<string, unknown> = {
    Type: type,
    Href: `${origin}/api/items/${guid(item.n)}?format=Entity`,
    Name: `Item ${item.n}`,
    UID: `urn:veeam:${type}:${guid(item.n)}`,
    [k.enum.source]: item.enumValue ?? k.enum.field!.enum![0],
    [k.date.source]: item.date ?? new Date(Date.UTC(2025, 0, 1 + item.n)),
    ...(item.number === undefined ? {} : { [k.number.source]: item.number }),
  };
  if (item.text !== undefined) value[k.text.source] = item.text;
  // Only the fields the entity's map has, in any order: the codec writes them in its own.
  return Object.fromEntries(Object.entries(value).filter(([key]) => ['Type', 'Href', 'Name', 'UID'].includes(key) || map.elements.some((e) => e.name === key) || map.attributes.some((a) => a.name === key)));
}

export interface PageSpec {
  /** The query parameters of the request (page, pageSize, filter, sortAsc…), by their names in the spec. */
  readonly query: Readonly<Record<string, string | number>>;
  readonly items: readonly TestItem[];
  readonly pageNum: number;
  readonly pageSize: number;
  readonly pagesCount: number;
  /** The paging links, each to the page number it names (its href: the request's query with that page). */
  readonly links?: Readonly<Record<string, number>>;
  /** Entities (default) or references. */
  readonly format?: 'Entities' | 'Refs';
}

/** The URL of the query with these parameters. */
export const queryUrl = (query: Readonly<Record<string, string | number>>, format = 'Entities'): URL => withFormat(operationUrl(origin, queryOperation, {}, query, widgetsModel), format, widgetsModel);

/** A recorded exchange of one query page, as the recorder would make it against the widgets model. */
export function queryPage(spec: PageSpec): Exchange {
  const format = spec.format ?? 'Entities';
  const url = queryUrl(spec.query, format);
  const entities = spec.items.map(entityOf);
  const list = widgetsModel.xmlMaps.QueryEntities!.elements.find((e) => e.type === queryOperation.entity)!.name;
  const Links = Object.entries(spec.links ?? {}).map(([Rel, page]) => ({ Rel, Href: queryUrl({ ...spec.query, [params.pageSize]: spec.pageSize, [params.page]: page }, format).href }));
  const body = encodeIn(widgetsModel, 'QueryResult', {
    ...(format === 'Entities' ? { Entities: { [list]: entities } } : { Refs: entities.map((e) => ({ UID: e.UID, Name: e.Name, Href: e.Href, Type: e.Type })) }),
    PagingInfo: { PageNum: spec.pageNum, PageSize: spec.pageSize, PagesCount: spec.pagesCount, Links },
  });
  return withModel(
    {
      operationId: queryOperation.id,
      request: { method: 'GET', url: url.href, headers: { accept: 'application/xml' } },
      response: { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) }, body, bodyBytes: Buffer.byteLength(body) },
      startedAt: '2025-01-14T00:00:00.000Z',
      durationMs: 1,
    },
    widgetsModel,
  );
}
