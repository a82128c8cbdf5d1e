import { encodeIn, operationUrl, type ApiModel } from '@vbem/models';
import { indexOf } from '../model-index.js';
import type { MockState } from '../mock-state.js';
import { idParam } from './mock-session.js';

/** Starts every action of the model once on the first entity of its collection (documented request bodies where there are). */
export async function startEveryAction(model: ApiModel, state: MockState, origin: string, post: (url: URL, body?: string) => Promise<Response>): Promise<Response[]> {
  const out: Response[] = [];
  for (const op of Object.values(model.operations)) {
    if (indexOf(model).kind(op) !== 'action') continue;
    const entity = [...(state.collections.get(op.entity!)?.values() ?? [])][0];
    if (!entity) continue;
    const body = op.requestBody ? (model.examples.find((e) => e.request && e.operation === op.id)?.xml ?? encodeIn(model, op.requestBody.type, {})) : undefined;
    out.push(await post(operationUrl(origin, op, { [idParam(op.path)]: entity.id }, {}, model), body));
  }
  return out;
}
