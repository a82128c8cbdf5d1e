import { decodeIn, successOf, type ApiModel } from '@vbem/models';
import { rebase } from '../at-origin.js';
import type { Handler } from '../request-context.js';

const cache = new WeakMap<ApiModel, unknown>();

/** The documented entry point body of a model (its hrefs on the documentation's origin), decoded once. */
export function documentedEntryPoint(model: ApiModel): Record<string, unknown> {
  if (!cache.has(model)) {
    const operation = model.operations[model.api.protocol.entryPoint];
    const status = operation ? successOf(operation).status : undefined;
    const example = model.examples.find((e) => e.operation === operation?.id && (e.status === undefined || e.status === status) && !e.request);
    cache.set(model, example ? decodeIn(model, example.type, example.xml) : {});
  }
  return cache.get(model) as Record<string, unknown>;
}

/** The protocol's entry point (`GET /api/`): the documented body, its links on the request's origin. */
export const getEntryPoint: Handler = ({ operation, url, state }) => {
  const success = successOf(operation);
  return { status: success.status, body: { type: success.formats[0]!.body, value: rebase(documentedEntryPoint(state.model), url.origin) } };
};
