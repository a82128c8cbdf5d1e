import type { Check } from '../check-result.js';
import { advertisedVersions, versionParamOf } from '../api-versions.js';
import { modelOf } from '../exchange-model.js';
import { understand } from '../understand.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('entry.versions');

/**
 * entry.versions: the entry point advertises the API versions it supports, each with a logon link
 * naming it, from the list the spec documents (the logon's version parameter). A version the list
 * does not hold is a warning naming it (a later server may add one); no version at all, or a logon
 * link that names none, fails.
 */
export const entryVersions: Check = {
  id: 'entry.versions',
  scope: 'exchange',
  title: 'the entry point advertises documented API versions',
  run: (exchange) => {
    const model = modelOf(exchange);
    const param = versionParamOf(model);
    if (exchange.operationId !== model.api.protocol.entryPoint || !param || !exchange.response || exchange.response.status >= 300) return [];
    const { value, error } = understand(exchange);
    if (value === undefined) return error ? [v.skipped('the body did not decode (see body.shape)')] : [];
    const advertised = advertisedVersions(value, model);
    const documented = param.enum ?? [];
    const unnamed = advertised.filter((a) => a.version === '');
    if (unnamed.length > 0) return [v.failed(`logon links that name no version (no ?${param.name}=): ${listOf(unnamed.map((a) => a.href))}`)];
    const named = [...new Set(advertised.map((a) => a.version).filter((n) => n !== String(param.default)))];
    if (named.length === 0) return [v.failed(`expected the supported API versions, each with a logon link (?${param.name}=${listOf(documented.filter((d) => d !== String(param.default)), 2)}…); came: none`)];
    const undocumented = named.filter((n) => !documented.includes(n));
    if (undocumented.length > 0) return [v.warning(`undocumented API version${undocumented.length > 1 ? 's' : ''} ${undocumented.join(', ')} (an addition, not a violation; documented: ${documented.join(', ')})`)];
    return [v.passed(`advertises ${named.join(', ')}`)];
  },
};
