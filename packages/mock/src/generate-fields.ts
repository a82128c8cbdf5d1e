import { conditionHolds, mapFields, ruleApplies, type ElementField, type ScalarField, type ScalarType, type XmlTypeMap } from '@vbem/models';
import type { ModelIndex } from './model-index.js';
import type { MockEntity } from './mock-state.js';
import { HEAD_FIELDS, Head, LinkAttr, Rel } from './protocol-names.js';
import type { Prng } from './prng.js';
import { inTimestamps, type Timestamps } from './timestamps.js';
import { uidOf } from './uid-of.js';

/** Where generated and documented hrefs live in the state; views move them to the request's origin. */
export const STATE_ORIGIN = 'https://localhost:9398';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Lists are empty and optional objects left out below this depth. */
const MAX_DEPTH = 3;
/** How often an optional field is present. */
const OPTIONAL_PRESENT = 0.8;

/** What generating one entity's fields needs. */
export interface FieldContext {
  readonly index: ModelIndex;
  readonly prng: Prng;
  /** The entity's type and its number in its collection (for plausible text). */
  readonly type: string;
  readonly n: number;
  readonly now: Date;
  /** How generated date-times are written. (default: milliseconds) */
  readonly timestamps?: Timestamps;
  /** The entity of a type this one refers to, if any. */
  readonly referenced: (type: string) => MockEntity | undefined;
  /** A plain href that resolves (the entry point). */
  readonly plainHref: string;
}

/**
 * The fields of an entity of `ctx.type` from its XML map: head fields left out, optional fields
 * present most of the time, `refers` fields holding the referenced entity's UID, Name or id.
 * @example generateFields({ index, prng, type, n: 1, now, referenced, plainHref })
 */
export function generateFields(ctx: FieldContext): Record<string, unknown> {
  // Whole seconds while the rules are kept; written as asked once they hold (the order of dates is kept).
  return inTimestamps(object(ctx, ctx.type, 0, true), ctx.timestamps ?? 'milliseconds');
}

function object(ctx: FieldContext, typeName: string, depth: number, top: boolean): Record<string, unknown> {
  const map = ctx.index.map(typeName);
  if (isLinkType(ctx, typeName)) return plainLink(ctx, map.attributes.find((a) => a.name === LinkAttr.Rel)?.enum);
  const out: Record<string, unknown> = {};
  // A choice (its elements are alternatives) has exactly one of them, whatever the depth.
  const chosen = map.choice ? ctx.prng.pick(map.elements) : undefined;
  for (const f of mapFields(map)) {
    if (top && HEAD_FIELDS.has(f.name)) continue;
    if (chosen && f !== chosen) continue;
    if (chosen) {
      out[f.name] = field(ctx, { ...f, optional: false }, depth, top);
      continue;
    }
    if (f.optional && (depth >= MAX_DEPTH || ctx.prng.next() >= OPTIONAL_PRESENT)) continue;
    const value = field(ctx, f, depth, top);
    if (value !== undefined) out[f.name] = value;
  }
  keepRules(ctx, map, out, depth, top);
  return out;
}

/**
 * Makes generated fields keep the type's rules: a value picked from those a rule allows, a field
 * left out or generated, a date-time moved to after the one it may not precede (up to an hour, never
 * past `now`), a number drawn again up to the one it may not exceed.
 */
function keepRules(ctx: FieldContext, map: XmlTypeMap, out: Record<string, unknown>, depth: number, top: boolean): void {
  for (const rule of map.rules ?? []) {
    if (!ruleApplies(rule, out)) continue;
    for (const [name, condition] of Object.entries(rule.then)) {
      if (conditionHolds(condition, out, name)) continue;
      if ('oneOf' in condition) out[name] = ctx.prng.pick(condition.oneOf);
      else if ('absent' in condition) delete out[name];
      else {
        const f = mapFields(map).find((x) => x.name === name)!;
        out[name] ??= field(ctx, f, depth, top);
        const other = 'notBefore' in condition ? out[condition.notBefore] : 'atMost' in condition ? out[condition.atMost] : undefined;
        if (conditionHolds(condition, out, name)) continue;
        if (other instanceof Date) out[name] = new Date(Math.min(ctx.now.getTime(), other.getTime() + ctx.prng.int(1, 3600) * 1000));
        else if (typeof other === 'number') out[name] = ctx.prng.int(0, other);
      }
    }
  }
}

function field(ctx: FieldContext, f: ScalarField | ElementField, depth: number, top: boolean): unknown {
  if (f.refers !== undefined) {
    const target = ctx.referenced(f.refers);
    const scalar = f.scalar;
    if (target && scalar === 'uid') return uidOf(target.type, target.id);
    if (target && scalar === 'guid') return target.id;
    if (target && scalar === 'string' && typeof target.fields[Head.Name] === 'string') return target.fields[Head.Name];
    if (f.optional) return undefined;
  }
  const e = f as ElementField;
  if (f.scalar !== undefined) {
    if (top && f.name === Head.Name && f.scalar === 'string') return `${ctx.type} ${ctx.n}`;
    // A repeated scalar element (`<X>a</X><X>b</X>`) or a list of scalars is an array.
    if (e.repeated || e.item !== undefined) return Array.from({ length: depth >= MAX_DEPTH ? 0 : ctx.prng.int(e.repeated && !e.optional ? 1 : 0, 3) }, () => scalar(ctx, f.name, f.scalar!, f.enum));
    return scalar(ctx, f.name, f.scalar, f.enum);
  }
  // Content the spec does not model: nothing to generate it from.
  if (e.raw) return f.optional ? undefined : '';
  if (e.type === undefined) return undefined;
  if (e.item !== undefined || e.repeated) {
    const min = e.repeated && !e.optional ? 1 : 0;
    const count = depth >= MAX_DEPTH ? min : ctx.prng.int(min, 3);
    return Array.from({ length: count }, () => object(ctx, e.type!, depth + 1, false));
  }
  return depth > MAX_DEPTH * 2 ? {} : object(ctx, e.type, depth + 1, false);
}

function scalar(ctx: FieldContext, name: string, type: ScalarType, values: readonly string[] | undefined): unknown {
  const { prng } = ctx;
  if (values && values.length > 0) return prng.pick(values);
  switch (type) {
    case 'int':
      return prng.int(0, 100);
    case 'long':
      return prng.int(0, 2 ** 40);
    case 'boolean':
      return prng.next() < 0.5;
    case 'dateTime':
      return new Date(Math.floor((ctx.now.getTime() - prng.int(0, 30 * DAY_MS)) / 1000) * 1000);
    case 'guid':
      return prng.guid();
    case 'uid':
      return uidOf(name.replace(/(Uid|UID|Id)$/, '') || name, prng.guid());
    case 'url':
      return ctx.plainHref;
    case 'string':
      return `${name} ${ctx.n}`;
  }
}

function isLinkType(ctx: FieldContext, typeName: string): boolean {
  const names = new Set(ctx.index.map(typeName).attributes.map((a) => a.name));
  return names.has(LinkAttr.Rel) && names.has(LinkAttr.Href);
}

function plainLink(ctx: FieldContext, rels: readonly string[] | undefined): Record<string, unknown> {
  return { [LinkAttr.Rel]: rels === undefined || rels.includes(Rel.Up) ? Rel.Up : rels[0], [LinkAttr.Href]: ctx.plainHref };
}
