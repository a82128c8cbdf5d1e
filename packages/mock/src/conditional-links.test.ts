import { describe, expect, it } from 'vitest';
import { builtinModel as model, whenHolds, type LinkSpec } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { linksOf } from './entity-views.js';
import type { BodyFormat } from './body-format.js';

const origin = 'https://em.test:9398';
// Every representation of the spec that declares a conditional link, with the entity type it shows.
const conditional = Object.values(model.operations).flatMap((op) =>
  op.responses.flatMap((r) => r.formats.filter((f) => f.links?.some((l) => l.when)).map((f) => [op.entity!, f] as [string, BodyFormat])),
);
const carries = (links: Record<string, unknown>[], link: LinkSpec) => links.some((l) => l.Rel === link.rel && l.Type === link.type);

describe('links that are there only in some states', () => {
  it('are declared somewhere in the spec (or this test judges nothing)', () => {
    expect(conditional.length).toBeGreaterThan(0);
  });

  it('are generated exactly where their condition holds, and the fake has entities of both kinds', () => {
    const state = createMockState({ entities: 12, seed: 3 });
    for (const [type, representation] of conditional) {
      const seen = new Set<boolean>();
      for (const entity of state.collections.get(type)!.values()) {
        const links = linksOf(state, origin, entity, representation);
        for (const link of representation.links!.filter((l) => l.when)) {
          const holds = whenHolds(link.when!, entity.fields);
          seen.add(holds);
          expect(carries(links, link), `${type} ${entity.id} ${link.when!.field}=${String(entity.fields[link.when!.field])}`).toBe(holds);
        }
      }
      expect([...seen].sort(), `${type}: entities where the condition holds and where it does not`).toEqual([false, true]);
    }
  });
});
