import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { carriersOf, nameOf } from './carriers-of.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('links.documented');

/** Each entity or reference carries the links its representation documents (Rel and Type). */
export const linksDocumented: Check = {
  id: 'links.documented',
  scope: 'exchange',
  title: 'the documented links (Up, Alternate) are on each entity and reference',
  run: (exchange) => {
    const { representation, value } = understand(exchange);
    const documented = representation?.links ?? [];
    if (!representation || documented.length === 0 || value === undefined) return [];
    const carriers = carriersOf(value, representation.root);
    if (carriers.length === 0) return [];
    const problems: string[] = [];
    for (const c of carriers) {
      for (const { rel, type } of documented) {
        const links = (c.Links ?? []).filter((l) => l.Rel === rel);
        if (links.length === 0) problems.push(`${nameOf(c)}: expected a link Rel="${rel}" to a ${type}, got none`);
        else if (!links.some((l) => l.Type === type)) problems.push(`${nameOf(c)}: expected the Rel="${rel}" link to a ${type}, got Type ${links[0]!.Type ?? 'none'}`);
      }
    }
    const rels = [...new Set(documented.map((l) => l.rel))].join(' and ');
    return problems.length === 0 ? [v.passed(`${carriers.length} carry ${rels}`)] : [v.failed(listOf(problems))];
  },
};
