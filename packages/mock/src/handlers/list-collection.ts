import { successOf } from '@vbem/models';
import { listBody } from '../entity-views.js';
import type { Handler } from '../request-context.js';

/** A collection list (`GET /things`): every entity of the operation's type, as references or entities. */
export const listCollection: Handler = ({ operation, url, state, representation }) => {
  const type = operation.entity!;
  const entities = [...(state.collections.get(type)?.values() ?? [])];
  return { status: successOf(operation).status, body: { type: representation!.body, value: listBody(state, url.origin, type, entities, representation!) } };
};
