import { operationUrl, type OperationSpec, type PagingInfo } from '@vbem/models';
import type { Requester } from './create-requester.js';
import { UnexpectedResponseError } from './errors.js';
import { ITEMLESS_FIELDS, PAGE_PARAM } from './spec-conventions.js';

type QueryValues = Readonly<Record<string, string | number | boolean | undefined>>;

/** The pages, plus `items()` across them (see `Pages`). */
export type PageIterator = AsyncGenerator<unknown, void, undefined> & { items(): AsyncGenerator<unknown, void, undefined> };

/**
 * Every page of a paged operation, in order: the first (or `page=` asked), then the next until
 * PagingInfo says PageNum has reached PagesCount. A page fetches only when the loop asks for it.
 * `items()` starts its own walk over the pages and yields what each holds (see `itemsOf`).
 */
export function queryPages(requester: Requester, operation: OperationSpec, query: QueryValues, format: string | undefined, signal: AbortSignal | undefined): PageIterator {
  const walk = () => pagesOf(requester, operation, query, format, signal);
  return Object.assign(walk(), {
    async *items() {
      for await (const page of walk()) yield* itemsOf(page);
    },
  });
}

/**
 * The items a page holds, whatever the entity: each element of its lists (`Refs`), and of the lists
 * inside its other elements (`Entities` → its one list of entities, whatever that list's name).
 * Its paging and links are no items.
 */
export function itemsOf(page: unknown): unknown[] {
  const items: unknown[] = [];
  for (const [name, value] of Object.entries(page as Record<string, unknown>)) {
    if ((ITEMLESS_FIELDS as readonly string[]).includes(name) || value === undefined || value === null) continue;
    if (Array.isArray(value)) items.push(...value);
    else if (typeof value === 'object') for (const inner of Object.values(value)) if (Array.isArray(inner)) items.push(...inner);
  }
  return items;
}

async function* pagesOf(requester: Requester, operation: OperationSpec, query: QueryValues, format: string | undefined, signal: AbortSignal | undefined): AsyncGenerator<unknown, void, undefined> {
  let page = query[PAGE_PARAM] as number | undefined;
  for (;;) {
    const url = operationUrl(requester.baseUrl, operation, {}, { ...query, [PAGE_PARAM]: page, [requester.model.api.formatParam]: format }, requester.model);
    const result = (await requester.call(operation, url, { signal })) as { PagingInfo: PagingInfo };
    const { PageNum, PagesCount } = result.PagingInfo;
    if (page !== undefined && PageNum !== page) {
      const context = { operation: operation.id, method: operation.method, url: url.href };
      throw new UnexpectedResponseError(context, `page ${page}`, `PageNum ${PageNum} of ${PagesCount}`);
    }
    yield result;
    if (PageNum >= PagesCount) return;
    page = PageNum + 1;
  }
}
