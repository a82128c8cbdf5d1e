import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { verdict } from './verdict.js';

const v = verdict('json.casing');

/** What a client reading the documented keys meets on Enterprise Manager 13: said in every camelCase warning. */
export const CAMEL_CASE_CHANGE =
  'JSON keys in camelCase (uid, name, backedUpVms), not the documented PascalCase (UID, Name, BackedUpVms): Enterprise Manager 13 changed its JSON keys to camelCase (API v1_7 on EM 13; EM 9.5 Update 4 to 12, API v1_4 to v1_7, write PascalCase). Clients that read the PascalCase keys break (KeyError: \'BackedUpVms\'); read keys case-insensitively';

/**
 * Which casing the keys of a JSON answer use. PascalCase (documented, EM 9.5 U4 to 12) passes;
 * camelCase (EM 13) is a warning that names the change and the versions affected: the values are
 * the same, but clients that read the documented keys break. JSON answers only.
 */
export const jsonCasing: Check = {
  id: 'json.casing',
  scope: 'exchange',
  title: 'JSON keys are in the documented PascalCase (camelCase, as EM 13 writes them, warns)',
  run: (exchange) => {
    const { wire, casing } = understand(exchange);
    if (wire !== 'json' || casing === undefined) return [];
    return casing === 'PascalCase' ? [v.passed('JSON keys in PascalCase, as documented')] : [v.warning(CAMEL_CASE_CHANGE)];
  },
};
