import { successOf, type ApiModel, type OperationSpec } from '@vbem/models';

/** What an operation of the table is to the planner, read from its method, path and query alone. */

const isGet = (op: OperationSpec) => op.method === 'GET';
const hasConst = (op: OperationSpec) => op.query.some((q) => q.const !== undefined);
const endsWithParam = (op: OperationSpec) => /\{[^}]+\}\/?$/.test(op.path);

/** The formats of an operation's success response. */
export const formatsOf = (op: OperationSpec): string[] => successOf(op).formats.map((f) => f.format);

/** GETs with neither path parameters nor a fixed query value: the collections. */
export const isCollection = (op: OperationSpec): boolean => isGet(op) && op.params.length === 0 && !hasConst(op);
/** GETs with a fixed query value (`type=…`): the query service. */
export const isQuery = (op: OperationSpec): boolean => isGet(op) && hasConst(op);
/** GETs whose path ends with a parameter: one item. */
export const isItem = (op: OperationSpec): boolean => isGet(op) && op.params.length > 0 && endsWithParam(op);
/** GETs with path parameters, not ending with one: the items of a parent (`/widgets/{id}/parts`). */
export const isSubCollection = (op: OperationSpec): boolean => isGet(op) && op.params.length > 0 && !endsWithParam(op) && !hasConst(op);
/** Operations that change state (anything but a GET). */
export const isWrite = (op: OperationSpec): boolean => !isGet(op);

/** The protocol's operations the server target sends itself (entry point, logon, its logon session, logoff). */
export const protocolIds = (model: ApiModel): ReadonlySet<string> => {
  const { entryPoint, logon, logonSession, logoff } = model.api.protocol;
  return new Set([entryPoint, logon, logonSession, logoff]);
};

/** The item operation whose path is the sub-collection's parent path (`/widgets/{id}` of `/widgets/{id}/parts`). */
export const parentOf = (model: ApiModel, sub: OperationSpec): OperationSpec | undefined =>
  Object.values(model.operations).find((op) => isItem(op) && sub.path.startsWith(`${op.path.replace(/\/$/, '')}/`));
