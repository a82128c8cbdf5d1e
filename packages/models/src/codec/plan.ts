import type { ApiModel, ElementField, ScalarField, XmlTypeMap } from '../spec-types.js';

/** How one child element of a mapped type is read and written. */
export interface FieldPlan {
  readonly field: ElementField;
  readonly name: string;
  readonly index: number;
  /** 'scalar' text, an 'object' of a mapped type, a wrapper 'list' of items, or 'raw' content kept as written. */
  readonly kind: 'scalar' | 'object' | 'list' | 'raw';
  /** The plan of the object, or of each list item that is an object. */
  plan: TypePlan | undefined;
  /** For a list: its items are scalars (`field.scalar`). */
  readonly itemScalar: boolean;
  /** For a wrapper list: its items' other documented names, to where each form is documented. */
  readonly itemForms: ReadonlyMap<string, string> | undefined;
  /** The documented values of an enum, for lookups. */
  readonly enumValues: ReadonlySet<string> | undefined;
  /** What the encoder writes around it: `<Name>` and `</Name>`. */
  readonly open: string;
  readonly close: string;
}

/** A mapped type compiled for one pass: field lookups by name, and what must be present. */
export interface TypePlan {
  readonly type: string;
  readonly map: XmlTypeMap;
  readonly attributes: ReadonlyMap<string, number>;
  readonly attributeFields: readonly ScalarField[];
  /** The attribute names as the encoder writes them: ` Name="`. */
  readonly attributeOpeners: readonly string[];
  readonly attributeEnums: readonly (ReadonlySet<string> | undefined)[];
  /** Each element name, its documented other forms included, to its field's index. */
  readonly elements: ReadonlyMap<string, number>;
  /** The other forms of its elements' names, to where each is documented. */
  readonly forms: ReadonlyMap<string, string>;
  readonly fields: readonly FieldPlan[];
  /** The text beside its attributes (`<X Name="a">text</X>`), held as its field `Value`; such a type has no fields. */
  readonly text: ScalarField | undefined;
  readonly textEnum: ReadonlySet<string> | undefined;
}

const cache = new WeakMap<ApiModel['xmlMaps'], ReadonlyMap<string, TypePlan>>();

/**
 * The plans of every type of `maps`, compiled once per maps object (a model read at run time gets
 * its own) and cached.
 */
export function plansOf(maps: ApiModel['xmlMaps']): ReadonlyMap<string, TypePlan> {
  let plans = cache.get(maps);
  if (!plans) {
    plans = compile(maps);
    cache.set(maps, plans);
  }
  return plans;
}

function compile(maps: ApiModel['xmlMaps']): ReadonlyMap<string, TypePlan> {
  const plans = new Map<string, TypePlan>();
  const pending: [FieldPlan, string][] = [];
  for (const [type, map] of Object.entries(maps)) {
    const fields = map.elements.map((field, index): FieldPlan => {
      const kind = field.raw ? 'raw' : field.item !== undefined ? 'list' : field.scalar ? 'scalar' : 'object';
      const plan: FieldPlan = {
        field,
        name: field.name,
        index,
        kind,
        plan: undefined,
        itemScalar: field.item !== undefined && field.scalar !== undefined,
        itemForms: field.itemForms ? new Map(Object.entries(field.itemForms)) : undefined,
        enumValues: field.enum ? new Set(field.enum) : undefined,
        open: `<${field.name}>`,
        close: `</${field.name}>`,
      };
      if (field.type !== undefined && !(kind === 'list' && plan.itemScalar)) pending.push([plan, field.type]);
      return plan;
    });
    plans.set(type, {
      type,
      map,
      attributes: new Map(map.attributes.map((a, i) => [a.name, i])),
      attributeFields: map.attributes,
      attributeOpeners: map.attributes.map((a) => ` ${a.name}="`),
      attributeEnums: map.attributes.map((a) => (a.enum ? new Set(a.enum) : undefined)),
      elements: new Map(map.elements.flatMap((e, i) => [[e.name, i] as const, ...Object.keys(e.forms ?? {}).map((form) => [form, i] as const)])),
      forms: new Map(map.elements.flatMap((e) => Object.entries(e.forms ?? {}))),
      fields,
      text: map.text,
      textEnum: map.text?.enum ? new Set(map.text.enum) : undefined,
    });
  }
  for (const [field, type] of pending) {
    const plan = plans.get(type);
    if (!plan) throw new TypeError(`The XML map of ${field.name} names the type '${type}', which has no map`);
    field.plan = plan;
  }
  return plans;
}
