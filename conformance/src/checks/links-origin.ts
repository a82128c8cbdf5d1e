import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { carriersOf } from './carriers-of.js';
import { verdict } from './verdict.js';

const v = verdict('links.origin');

/**
 * Hrefs point at the origin the run asked (Enterprise Manager builds them from its own host name,
 * so a proxy or another name for the host shows here). Links elsewhere are not followed: a warning.
 */
export const linksOrigin: Check = {
  id: 'links.origin',
  scope: 'exchange',
  title: 'hrefs point at the base URL’s origin',
  run: (exchange, context) => {
    const { representation, value } = understand(exchange);
    if (!representation || value === undefined || context.origin === undefined) return [];
    const hrefs = carriersOf(value, representation.root).flatMap((c) => [c.Href, ...(c.Links ?? []).map((l) => l.Href)]).filter((h): h is string => h !== undefined);
    if (hrefs.length === 0) return [];
    const same = new Set([context.origin, ...(context.sameOrigins ?? []).map((o) => new URL(o).origin)]);
    const elsewhere = [...new Set(hrefs.filter((h) => URL.canParse(h) && !same.has(new URL(h).origin)).map((h) => new URL(h).origin))];
    if (elsewhere.length === 0) return [v.passed(`${hrefs.length} href(s) on ${[...same].join(', ')}`)];
    return [v.warning(`expected hrefs on ${context.origin} (the base URL), got some on ${elsewhere.join(', ')}: those links were not followed`)];
  },
};
