import type { MockEntity, MockState } from './mock-state.js';

/**
 * The entity of a type an entity is related to: the one it refers to, or failing that the one the
 * entities it refers to refer to, nearest first (the entity a session belongs to, through the session).
 * @example relatedEntity(state, entity, 'Owner')?.fields.Name
 */
export function relatedEntity(state: MockState, entity: MockEntity, type: string): MockEntity | undefined {
  const seen = new Set<MockEntity>([entity]);
  let level = [entity];
  while (level.length > 0) {
    const next: MockEntity[] = [];
    for (const e of level) {
      const id = e.refs[type];
      const hit = id === undefined ? undefined : state.collections.get(type)?.get(id);
      if (hit) return hit;
      for (const [t, refId] of Object.entries(e.refs)) {
        const other = state.collections.get(t)?.get(refId);
        if (other && !seen.has(other)) seen.add(other), next.push(other);
      }
    }
    level = next;
  }
  return undefined;
}
