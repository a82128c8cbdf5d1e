import type { ApiModel, JsonTypeMap, ScalarType } from '../../spec-types.js';
import { plansOf, type TypePlan } from '../plan.js';
import { camelCase, pluralOf, type KeyCasing } from './json-names.js';

/**
 * How one property of a type's JSON is read and written, derived from the XML map by the rules of
 * spec/README.md ("JSON"): attributes and elements side by side, a repeated element as an array
 * named by its plural, a wrapper list wrapped twice, the inner array named by its item's plural
 * (`"Refs":{"Refs":[…]}`, `"Resources":{"CloudTenantResources":[…]}`) unless its item type's
 * lists are plain arrays (`"Links":[…]`).
 */
export interface JsonProperty {
  /** The key of the typed value (the XML name). */
  readonly field: string;
  /** The documented (PascalCase) JSON key, and EM 13's camelCase one. */
  readonly name: string;
  readonly camel: string;
  /** 'scalar' value, 'object' of a mapped type, 'array' of items, 'wrapped' array inside an object, 'raw' content kept as written. */
  readonly kind: 'scalar' | 'object' | 'array' | 'wrapped' | 'raw';
  /** The scalar type of the value, or of each item. */
  readonly scalar: ScalarType | undefined;
  readonly enumValues: ReadonlySet<string> | undefined;
  /** The plan of the object, or of each item that is an object. */
  plan: JsonTypePlan | undefined;
  readonly optional: boolean;
  /** One of its names is also a property of Object.prototype: looked up as an own property only. */
  readonly inherited: boolean;
  /** The value is an array even when absent (a repeated element). */
  readonly repeated: boolean;
  /** A wrapped list's inner array key, the plural of its item's name (`"Resources":{"CloudTenantResources":[…]}`), and its camelCase. */
  readonly inner?: { readonly name: string; readonly camel: string };
}

export interface JsonTypePlan {
  readonly type: string;
  readonly properties: readonly JsonProperty[];
  /** Each property by its key in either casing. */
  readonly byKey: ReadonlyMap<string, { readonly property: JsonProperty; readonly casing: KeyCasing }>;
  /** Its properties are alternatives (an XSD choice): exactly one is there. */
  readonly choice: boolean;
}

const cache = new WeakMap<ApiModel['xmlMaps'], Map<ApiModel['jsonMaps'], ReadonlyMap<string, JsonTypePlan>>>();

/** The JSON plans of every type of `model`, compiled once per maps object and cached. */
export function jsonPlansOf(model: Pick<ApiModel, 'xmlMaps' | 'jsonMaps'>): ReadonlyMap<string, JsonTypePlan> {
  let byJson = cache.get(model.xmlMaps);
  if (!byJson) cache.set(model.xmlMaps, (byJson = new Map()));
  let plans = byJson.get(model.jsonMaps);
  if (!plans) byJson.set(model.jsonMaps, (plans = compile(plansOf(model.xmlMaps), model.jsonMaps ?? {})));
  return plans;
}

function compile(xml: ReadonlyMap<string, TypePlan>, departures: Readonly<Record<string, JsonTypeMap>>): ReadonlyMap<string, JsonTypePlan> {
  const plans = new Map<string, JsonTypePlan>();
  const pending: [JsonProperty, string][] = [];
  for (const [type, plan] of xml) {
    const names = departures[type]?.names ?? {};
    const properties: JsonProperty[] = [];
    const add = (field: string, defaultName: string, rest: Omit<JsonProperty, 'field' | 'name' | 'camel' | 'plan' | 'inherited'>, itemType?: string) => {
      const name = names[field] ?? defaultName;
      const camel = camelCase(name);
      const property: JsonProperty = { field, name, camel, plan: undefined, inherited: name in Object.prototype || camel in Object.prototype, ...rest };
      if (itemType !== undefined) pending.push([property, itemType]);
      properties.push(property);
    };
    for (const f of plan.fields) {
      const e = f.field;
      const common = { scalar: e.scalar, enumValues: f.enumValues, optional: e.optional };
      if (f.kind === 'raw') add(e.name, e.name, { kind: 'raw', ...common, repeated: false });
      else if (e.repeated) add(e.name, pluralOf(e.name), { kind: 'array', ...common, repeated: true }, e.type);
      else if (f.kind === 'list') {
        const plain = e.type !== undefined && departures[e.type]?.list === 'array';
        // An item named as its wrapper (<CloudFailoverTasks><CloudFailoverTasks>) is already plural.
        const inner = plain ? undefined : e.item === e.name ? e.name : pluralOf(e.item!);
        add(e.name, e.name, { kind: plain ? 'array' : 'wrapped', ...common, repeated: false, ...(inner ? { inner: { name: inner, camel: camelCase(inner) } } : {}) }, f.itemScalar ? undefined : e.type);
      } else add(e.name, e.name, { kind: f.kind, ...common, repeated: false }, e.type);
    }
    // Text beside attributes is the property Value (spec/README.md, JSON rule 9), as .NET's XmlText member is.
    if (plan.text) add(plan.text.name, plan.text.name, { kind: 'scalar', scalar: plan.text.scalar, enumValues: plan.textEnum, optional: plan.text.optional, repeated: false });
    // After the elements, as .NET writes an entity's own properties before its base's (Name, UID, Href, Type).
    for (const [i, a] of plan.attributeFields.entries()) {
      add(a.name, a.name, { kind: 'scalar', scalar: a.scalar, enumValues: plan.attributeEnums[i], optional: a.optional, repeated: false });
    }
    const byKey = new Map<string, { property: JsonProperty; casing: KeyCasing }>();
    for (const p of properties) {
      byKey.set(p.camel, { property: p, casing: 'camelCase' });
      byKey.set(p.name, { property: p, casing: 'PascalCase' });
    }
    plans.set(type, { type, properties, byKey, choice: plan.map.choice === true });
  }
  for (const [property, type] of pending) property.plan = plans.get(type);
  return plans;
}
