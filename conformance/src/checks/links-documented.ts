import { linkRequired } from '@vbem/models';
import type { Check } from '../check-result.js';
import { understand } from '../understand.js';
import { carriersOf, nameOf } from './carriers-of.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('links.documented');

/**
 * Each entity or reference carries the links its representation documents (Rel and Type): those that
 * must be there always, and conditional ones (`when`) where the carrier's state says so. A documented
 * link that is optional, or whose condition does not hold, may be absent; where present, its Type is the documented one.
 */
export const linksDocumented: Check = {
  id: 'links.documented',
  scope: 'exchange',
  title: 'the documented links (Up, Alternate; conditional ones where their condition holds) are on each entity and reference',
  run: (exchange) => {
    const { representation, value } = understand(exchange);
    const documented = representation?.links ?? [];
    if (!representation || documented.length === 0 || value === undefined) return [];
    const carriers = carriersOf(value, representation.root);
    if (carriers.length === 0) return [];
    const problems: string[] = [];
    for (const c of carriers) {
      const fields = c as unknown as Readonly<Record<string, unknown>>;
      for (const link of documented) {
        const ofRel = (c.Links ?? []).filter((l) => l.Rel === link.rel);
        if (ofRel.some((l) => l.Type === link.type)) continue;
        const typed = ofRel.some((l) => documented.some((d) => d.rel === link.rel && d.type === l.Type));
        const got = `got Type ${ofRel.map((l) => l.Type ?? 'none').join(', ')}`;
        if (!linkRequired(link, fields)) {
          // Absent is fine here; present with none of the Rel's documented Types is not.
          if (ofRel.length > 0 && !typed) problems.push(`${nameOf(c)}: expected the Rel="${link.rel}" link to a ${link.type}, ${got}`);
        } else if (ofRel.length === 0) {
          const state = link.when ? ` (its ${link.when.field} is ${String(fields[link.when.field])})` : '';
          problems.push(`${nameOf(c)}: expected a link Rel="${link.rel}" to a ${link.type}${state}, got none`);
        } else problems.push(`${nameOf(c)}: expected the Rel="${link.rel}" link to a ${link.type}, ${got}`);
      }
    }
    const rels = [...new Set(documented.map((l) => l.rel))].join(' and ');
    return problems.length === 0 ? [v.passed(`${carriers.length} carry ${rels}`)] : [v.failed(listOf(problems))];
  },
};
