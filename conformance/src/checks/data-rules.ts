import { ruleBreaches, type ApiModel } from '@vbem/models';
import type { Check } from '../check-result.js';
import { modelOf } from '../exchange-model.js';
import { understand } from '../understand.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('data.rules');

/** Whether a type, or a type inside it, has rules. */
function hasRules(model: ApiModel, type: string, seen = new Set<string>()): boolean {
  const map = model.xmlMaps[type];
  if (!map || seen.has(type)) return false;
  seen.add(type);
  return (map.rules?.length ?? 0) > 0 || map.elements.some((e) => e.type !== undefined && hasRules(model, e.type, seen));
}

/**
 * The values of a decoded body go together as the `rules` of each type in it say. A warning, not a
 * failure: the rules are what the pages describe, not a schema the server promises.
 */
export const dataRules: Check = {
  id: 'data.rules',
  scope: 'exchange',
  title: "the body's values go together as the spec's rules say (warns)",
  run: (exchange) => {
    const { representation, value } = understand(exchange);
    const model = modelOf(exchange);
    if (!representation || value === undefined || !hasRules(model, representation.body)) return [];
    const breaches = ruleBreaches(representation.body, value, model);
    if (breaches.length === 0) return [v.passed(`${representation.body}: every rule kept`)];
    return [v.warning(listOf(breaches.map((b) => `${b.path}: ${b.rule}: expected ${b.expected}, got ${b.actual}`)))];
  },
};
