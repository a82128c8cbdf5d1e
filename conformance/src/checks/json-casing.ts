import { mapFields } from '@vbem/models';
import type { Check, CheckContext } from '../check-result.js';
import type { KeyCasing } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Exchange } from '../exchange.js';
import { keptFacts } from '../kept-facts.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('json.casing');

/** What a client reading the documented keys meets on Enterprise Manager 13: said in the camelCase warning. */
export const CAMEL_CASE_CHANGE =
  'not the documented PascalCase: Enterprise Manager 13 changed its JSON keys to camelCase (API v1_7 on EM 13; EM 9.5 Update 4 to 12, API v1_4 to v1_7, write PascalCase; the values are unchanged). Clients that read the PascalCase keys break; read keys case-insensitively';

/** A few keys of the body's top object beside the documented names they stand for (`uid for UID`). */
function examplesOf(exchange: Exchange): string {
  const { representation } = understand(exchange);
  const map = representation && modelOf(exchange).xmlMaps[representation.body];
  let keys: string[] = [];
  try {
    const body = JSON.parse(exchange.response?.body ?? '') as unknown;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) keys = Object.keys(body);
  } catch {
    return ''; // body.json says what is wrong with it
  }
  const names = map ? mapFields(map).map((f) => f.name) : [];
  const pairs = keys.flatMap((k) => names.filter((n) => n !== k && n.toLowerCase() === k.toLowerCase()).map((n) => `${k} for ${n}`));
  return pairs.length > 0 ? ` (${pairs.slice(0, 3).join(', ')})` : '';
}

/** What the check reads of a JSON answer: the casing its keys told, and for camelCase, examples of its keys. */
const casings = keptFacts((exchange) => {
  const { wire, casing } = understand(exchange);
  return { wire, casing, examples: casing === 'camelCase' ? examplesOf(exchange) : '' };
});

/** The casing of the keys of a JSON answer, when a key told it (none for XML). */
export const casingOf = (exchange: Exchange): KeyCasing | undefined => casings.of(exchange).casing;

// The first JSON answer of each run whose keys told their casing.
const firstOf = new WeakMap<readonly Exchange[], Exchange>();
function firstCased(context: CheckContext): Exchange | undefined {
  let first = firstOf.get(context.exchanges);
  if (!first) {
    first = context.exchanges.find((e) => casings.of(e).casing !== undefined);
    if (first) firstOf.set(context.exchanges, first);
  }
  return first;
}

/**
 * Which casing the server's JSON keys use, said once per run, on its first JSON answer: PascalCase
 * (documented, EM 9.5 U4 to 12) passes; camelCase (EM 13) is a warning that names the change, the
 * versions affected and keys of the answer beside their documented names (the values are the same,
 * but clients that read the documented keys break). An answer later in the run in the other casing
 * warns too (a server that mixes them). JSON answers only.
 */
export const jsonCasing: Check = {
  id: 'json.casing',
  scope: 'run',
  title: 'JSON keys are in the documented PascalCase (camelCase, as EM 13 writes them, warns)',
  keep: casings.keep,
  run: (exchange, context) => {
    const { wire, casing, examples } = casings.of(exchange);
    if (wire !== 'json' || casing === undefined) return [];
    const first = firstCased(context);
    if (first !== undefined && first !== exchange) {
      const before = casings.of(first).casing;
      return casing === before ? [] : [v.warning(`JSON keys in ${casing}, where the run's first JSON answer (${first.request.url}) used ${before}: the server mixes them`)];
    }
    return casing === 'PascalCase' ? [v.passed('JSON keys in PascalCase, as documented')] : [v.warning(`JSON keys in camelCase${examples}, ${CAMEL_CASE_CHANGE}`)];
  },
};
