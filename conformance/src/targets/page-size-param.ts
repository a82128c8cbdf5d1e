import { xmlMaps, type OperationSpec, type ParamSpec } from '@vbem/models';

/**
 * The query parameter of a query operation that sets the page size: the int parameter named like
 * the PageSize attribute of the PagingInfo the query answers with.
 * @example pageSizeParam(operations.queryCloudFailoverSessions)?.name // 'pageSize'
 */
export function pageSizeParam(operation: OperationSpec): ParamSpec | undefined {
  const pagingAttributes = xmlMaps.PagingInfo.attributes.map((a) => a.name.toLowerCase());
  return operation.query.find((q) => q.type === 'int' && pagingAttributes.includes(q.name.toLowerCase()));
}
