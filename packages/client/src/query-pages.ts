import { operationUrl, type OperationSpec, type PagingInfo } from '@vbem/models';
import type { Requester } from './create-requester.js';
import { UnexpectedResponseError } from './errors.js';
import { FORMAT_PARAM, PAGE_PARAM } from './spec-conventions.js';

/**
 * Every page of a paged operation, in order: the first (or `page=` asked), then the next until
 * PagingInfo says PageNum has reached PagesCount. A page fetches only when the loop asks for it.
 */
export async function* queryPages(
  requester: Requester,
  operation: OperationSpec,
  query: Readonly<Record<string, string | number | boolean | undefined>>,
  format: string | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<unknown, void, undefined> {
  let page = query[PAGE_PARAM] as number | undefined;
  for (;;) {
    const url = operationUrl(requester.baseUrl, operation, {}, { ...query, [PAGE_PARAM]: page, [FORMAT_PARAM]: format });
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
