import type { ApiModel, OperationSpec } from '@vbem/models';
import { indexOf, type HandlerKind } from '../model-index.js';
import { getEntryPoint } from '../protocol/entry-point.js';
import { getLogonSession } from '../protocol/get-logon-session.js';
import { getTask } from '../protocol/get-task.js';
import { logoff } from '../protocol/logoff.js';
import { logon } from '../protocol/logon.js';
import { HttpStatus } from '../http-status.js';
import { errorReply } from '../reply.js';
import type { Handler } from '../request-context.js';
import { getDocument } from './get-document.js';
import { getItem } from './get-item.js';
import { listCollection } from './list-collection.js';
import { listSubCollection } from './list-sub-collection.js';
import { queryService } from './query-service.js';
import { runAction } from './run-action.js';

const unsupported: Handler = ({ state, operation }) => errorReply(state.model, HttpStatus.NotImplemented, `The mock does not fake ${operation.method} ${operation.path}`);

const byKind: Readonly<Record<Exclude<HandlerKind, 'protocol'>, Handler>> = {
  list: listCollection,
  item: getItem,
  'sub-collection': listSubCollection,
  query: queryService,
  action: runAction,
  document: getDocument,
  unsupported,
};

/** The handler of an operation: the protocol's own for the protocol operations, else its kind's. */
export function handlerOf(model: ApiModel, operation: OperationSpec): Handler {
  const kind = indexOf(model).kind(operation);
  if (kind !== 'protocol') return byKind[kind];
  const p = model.api.protocol;
  if (operation.id === p.entryPoint) return getEntryPoint;
  if (operation.id === p.logon) return logon;
  if (operation.id === p.logonSession) return getLogonSession;
  if (operation.id === p.logoff) return logoff;
  if (operation.id === p.task) return getTask;
  return unsupported;
}
