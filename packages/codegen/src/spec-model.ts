import type { ExampleSpec, FieldRule, JsonTypeMap, OperationSpec, ParamSpec, ProtocolSpec, ResponseSpec, ScalarType } from '@vbem/models';

/** The spec as loaded and checked: every reference resolved, inheritance not yet flattened. */
export interface Spec {
  readonly api: {
    readonly title: string;
    readonly namespace: string;
    readonly basePath: string;
    readonly mediaType: string;
    readonly sessionHeader: string;
    readonly formatParam: string;
    readonly docs: string;
    readonly errorBody: string;
    readonly errors: Readonly<Record<string, readonly number[]>>;
    readonly protocol: ProtocolSpec;
  };
  /** In the order the files and their keys give. */
  readonly types: readonly TypeDef[];
  readonly operations: readonly OperationDef[];
  readonly examples: readonly ExampleDef[];
}

export type TypeDef = EnumDef | ObjectDef;

export interface EnumDef {
  readonly kind: 'enum';
  readonly name: string;
  readonly summary?: string;
  readonly values: readonly string[];
}

export interface ObjectDef {
  readonly kind: 'object';
  readonly name: string;
  readonly summary?: string;
  readonly root?: string;
  readonly extends?: string;
  /** Its elements are alternatives (an XSD choice): exactly one is there. */
  readonly choice?: true;
  readonly attributes: readonly FieldDef[];
  readonly elements: readonly FieldDef[];
  /** Text beside the attributes (`text:`, XSD simpleContent): a scalar or enum, the field `Value`; the type then has no elements. */
  readonly text?: FieldDef;
  /** In the operation table's shape: `when: { State: [..] }` becomes `{ field, oneOf }`, `[..]` `{ oneOf }`, `absent` `{ absent: true }`. */
  readonly rules: readonly FieldRule[];
  /** Where its JSON departs from the rules that derive it from the XML map. */
  readonly json?: JsonTypeMap;
}

export interface FieldDef {
  readonly name: string;
  /** A scalar type, an enum type or (elements only) an object type. */
  readonly type: string;
  /** For a wrapper list: the item element's name. */
  readonly item?: string;
  readonly repeated: boolean;
  readonly optional: boolean;
  readonly summary?: string;
  /** The entity type whose UID, Name or id the field holds. */
  readonly refers?: string;
  /** With refers: the entities it may name, by the values of their fields. */
  readonly where?: Readonly<Record<string, readonly string[]>>;
  /** The element's other documented names, each with where that form is documented. */
  readonly forms?: Readonly<Record<string, string>>;
  /** For a wrapper list: its items' other documented names. */
  readonly itemForms?: Readonly<Record<string, string>>;
}

/** Parameters, headers and examples have the same shape in the spec as in the operation table. */
export type ParamDef = ParamSpec;
export type ExampleDef = ExampleSpec;
/** A representation before its root element name is looked up. */
export type RepresentationDef = Omit<ResponseSpec['formats'][number], 'root'>;

/** A response before representations get their root element and bodies their media type. */
export type ResponseDef = Omit<ResponseSpec, 'formats' | 'mediaType'> & {
  readonly summary?: string;
  readonly formats: readonly RepresentationDef[];
};

export type OperationDef = Omit<OperationSpec, 'responses'> & { readonly responses: readonly ResponseDef[] };

export const SCALARS: readonly ScalarType[] = ['string', 'int', 'long', 'boolean', 'dateTime', 'guid', 'uid', 'url'];
/** The element type of content the spec documents but does not model: kept as XML text. */
export const RAW_XML = 'xml';
/** The field that holds a `text:` type's text, in the models and in JSON (spec/README.md, JSON rule 9). */
export const TEXT_FIELD = 'Value';
export const isScalar = (t: string): t is ScalarType => (SCALARS as readonly string[]).includes(t);
