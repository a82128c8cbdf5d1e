import { encodeIn, type ApiModel, type OperationSpec } from '@vbem/models';
import { generateFields, STATE_ORIGIN } from '../generate-fields.js';
import { indexOf } from '../model-index.js';
import { createPrng } from '../prng.js';

/** A request body of an action the spec documents: its documented example, else one generated from the body type (every required field). */
export function requestBodyOf(model: ApiModel, op: OperationSpec): string {
  const documented = model.examples.find((e) => e.request && e.operation === op.id)?.xml;
  if (documented !== undefined) return documented;
  const type = op.requestBody!.type;
  const value = generateFields({ index: indexOf(model), prng: createPrng(1), type, n: 1, now: new Date('2025-01-14T00:00:00Z'), referenced: () => undefined, plainHref: STATE_ORIGIN });
  return encodeIn(model, type, value);
}
