import { builtinModel } from '../model.js';
import type { ApiModel, FieldCondition, FieldRule, FieldWhen, LinkSpec, XmlTypeMap } from '../spec-types.js';

/** Where a value breaks one of its type's rules. */
export interface RuleBreach {
  /** The object that breaks it, such as `/Thing/Parts/Part[2]`. */
  readonly path: string;
  /** The rule's summary. */
  readonly rule: string;
  readonly expected: string;
  readonly actual: string;
}

const shown = (v: unknown) => (v === undefined ? 'none' : v instanceof Date ? v.toISOString() : String(v));

/** Whether an object's `when` field holds one of its values (an object without that field, such as a reference, does not). */
export const whenHolds = (when: FieldWhen, object: Readonly<Record<string, unknown>>): boolean => {
  const v = object[when.field];
  return typeof v === 'string' && when.oneOf.includes(v);
};

/** Whether a rule applies to an object: it has no `when`, or its `when` field holds one of its values. */
export const ruleApplies = (rule: FieldRule, object: Readonly<Record<string, unknown>>): boolean => rule.when === undefined || whenHolds(rule.when, object);

/**
 * Whether a documented link must be on an entity or reference: it is not optional, and it has no `when`
 * or its `when` holds for the object that carries it.
 * @example linkRequired({ rel: 'Related', type: 'MadeThing', when: { field: 'Result', oneOf: ['Success'] } }, { Result: 'Failed' }) // false
 */
export const linkRequired = (link: LinkSpec, carrier: Readonly<Record<string, unknown>>): boolean =>
  link.optional !== true && (link.when === undefined || whenHolds(link.when, carrier));

/** Whether a field of an object meets a condition. */
export function conditionHolds(condition: FieldCondition, object: Readonly<Record<string, unknown>>, field: string): boolean {
  const v = object[field];
  if ('oneOf' in condition) return typeof v === 'string' && condition.oneOf.includes(v);
  if ('absent' in condition) return v === undefined;
  if ('present' in condition) return v !== undefined;
  if ('atMost' in condition) {
    const limit = object[condition.atMost];
    return typeof v !== 'number' || typeof limit !== 'number' || v <= limit;
  }
  const other = object[condition.notBefore];
  return v instanceof Date && (!(other instanceof Date) || v.getTime() >= other.getTime());
}

/** The other field a condition compares with, if any. */
const comparedWith = (condition: FieldCondition): string | undefined => ('notBefore' in condition ? condition.notBefore : 'atMost' in condition ? condition.atMost : undefined);

const expectedOf = (condition: FieldCondition, field: string): string =>
  'oneOf' in condition
    ? `${field} ${condition.oneOf.length === 1 ? condition.oneOf[0] : `one of ${condition.oneOf.join(', ')}`}`
    : 'absent' in condition
      ? `no ${field}`
      : 'present' in condition
        ? `${field} present`
        : 'atMost' in condition
          ? `${field} at most ${condition.atMost}`
          : `${field} not before ${condition.notBefore}`;

/**
 * Where a decoded value of `type`, and every object inside it, breaks its type's rules (none when
 * it keeps them).
 * @example ruleBreaches(type, decodeIn(model, type, xml), model) // [{ path: '/Thing', rule: '…', expected: 'no EndTimeUTC', actual: 'EndTimeUTC 2026-…' }]
 */
export function ruleBreaches(type: string, value: unknown, model: ApiModel = builtinModel): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const walk = (map: XmlTypeMap | undefined, node: unknown, path: string) => {
    if (!map || typeof node !== 'object' || node === null) return;
    const object = node as Record<string, unknown>;
    for (const rule of map.rules ?? []) {
      if (!ruleApplies(rule, object)) continue;
      for (const [field, condition] of Object.entries(rule.then)) {
        if (conditionHolds(condition, object, field)) continue;
        const other = comparedWith(condition);
        const context = other === undefined ? '' : `, ${other} ${shown(object[other])}`;
        const selected = rule.when === undefined ? '' : ` (${rule.when.field} ${shown(object[rule.when.field])})`;
        breaches.push({ path, rule: `${rule.summary}${selected}`, expected: expectedOf(condition, field), actual: `${field} ${shown(object[field])}${context}` });
      }
    }
    for (const e of map.elements) {
      const child = object[e.name];
      if (e.type === undefined || child === undefined) continue;
      const childMap = model.xmlMaps[e.type];
      const at = e.item === undefined ? `${path}/${e.name}` : `${path}/${e.name}/${e.item}`;
      if (Array.isArray(child)) child.forEach((item, i) => walk(childMap, item, `${at}[${i + 1}]`));
      else walk(childMap, child, at);
    }
  };
  const map = model.xmlMaps[type];
  walk(map, value, `/${map?.root ?? type}`);
  return breaches;
}
