import { operationUrl, successOf } from '@vbem/models';
import { onOrigin } from '../entity-views.js';
import { generateFields, STATE_ORIGIN } from '../generate-fields.js';
import { indexOf } from '../model-index.js';
import { createPrng, seedOf } from '../prng.js';
import { Head } from '../protocol-names.js';
import type { Handler } from '../request-context.js';

/**
 * A document that is no entity's (`GET /reports/summary`): generated from its type's XML map, the
 * same for every request (seeded by the operation), with its own href.
 */
export const getDocument: Handler = ({ operation, url, state, representation }) => {
  const index = indexOf(state.model);
  const type = representation!.body;
  const entryPoint = state.model.operations[state.model.api.protocol.entryPoint];
  const plainHref = entryPoint ? operationUrl(STATE_ORIGIN, entryPoint, {}, {}, state.model).href : `${STATE_ORIGIN}${state.model.api.basePath}/`;
  const fields = generateFields({ index, prng: createPrng(seedOf(operation.id)), type, n: 1, now: state.now, timestamps: state.timestamps, plainHref, referenced: () => undefined });
  const head = Object.fromEntries(index.map(type).attributes.filter((a) => a.name === Head.Href || a.name === Head.Type).map((a) => [a.name, a.name === Head.Href ? `${url.origin}${url.pathname}` : representation!.linkType ?? type]));
  return { status: successOf(operation).status, body: { type, value: { ...onOrigin(fields, url.origin), ...head } } };
};
