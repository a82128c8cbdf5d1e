/** The shapes of the generated XML maps and operation table (written by @vbem/codegen from spec/). */

export type ScalarType = 'string' | 'int' | 'long' | 'boolean' | 'dateTime' | 'guid' | 'uid' | 'url';

/** An attribute, or an element with text content, of a mapped type. */
export interface ScalarField {
  readonly name: string;
  readonly scalar: ScalarType;
  readonly enum?: readonly string[];
  readonly optional: boolean;
  /** The entity type whose UID, Name or id this field holds (`refers: Job` on `JobUid` and `JobName`). */
  readonly refers?: string;
  /** With `refers`: the entities it may name, by the values of their fields (`{ JobType: ['Replica'] }`). */
  readonly where?: Readonly<Record<string, readonly string[]>>;
}

/** A child element: a scalar, an object of a mapped type, or a wrapper list of such items. */
export interface ElementField {
  readonly name: string;
  /** The scalar type, when the element holds text. */
  readonly scalar?: ScalarType;
  readonly enum?: readonly string[];
  /** The mapped type of the element (or of each list item). */
  readonly type?: string;
  /** For a wrapper list (`<Links><Link/>…</Links>`): the item element's name. */
  readonly item?: string;
  /** The element itself repeats (`<Ref/><Ref/>`): decoded as an array even with one item. */
  readonly repeated: boolean;
  readonly optional: boolean;
  /** The entity type whose UID, Name or id this field holds. */
  readonly refers?: string;
  /** With `refers`: the entities it may name, by the values of their fields. */
  readonly where?: Readonly<Record<string, readonly string[]>>;
  /**
   * Where the documents disagree on the element's name: its other documented names, each with where that
   * form is documented (`{ OtherName: 'RestAPI.xsd' }`). Decoded as this field; encoded under `name`.
   */
  readonly forms?: Readonly<Record<string, string>>;
  /** For a wrapper list: its items' other documented names, likewise. */
  readonly itemForms?: Readonly<Record<string, string>>;
  /**
   * An element the spec documents but does not model (`type: xml`): its content is kept as written,
   * XML text checked to be well-formed, nothing more; attributes on the element itself are not kept.
   */
  readonly raw?: true;
}

export interface XmlTypeMap {
  /** The document element name, for types that can be a body's root. */
  readonly root?: string;
  readonly attributes: readonly ScalarField[];
  /** In document order: the order the codec checks and writes. */
  readonly elements: readonly ElementField[];
  /**
   * The element's text, for a type with text beside its attributes (XSD simpleContent,
   * `<Day Name="Sunday">1,1,…</Day>`): a scalar held as the field `Value` (its name in JSON too);
   * such a type has no child elements.
   */
  readonly text?: ScalarField;
  /** Its elements are alternatives, an XSD choice: exactly one is there (the codec refuses none or two in strict mode, warns in lenient). (default: none) */
  readonly choice?: true;
  /** How the values of its fields go together (a running session has no end time yet); the codec does not check them. */
  readonly rules?: readonly FieldRule[];
}

/**
 * Where a type's JSON departs from the rules that derive it from its XML map (spec/README.md, "JSON"):
 * only the departures the corpus shows are written down.
 */
export interface JsonTypeMap {
  /** A wrapper list of this item type is a plain array named by the wrapper (`"Links":[…]`), not wrapped twice. */
  readonly list?: 'array';
  /** A field whose JSON property is not named by the rules: field name → property name (PascalCase). */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * While one field holds one of some values, what holds for others: the fake generates data that
 * keeps it, the conformance suite warns where a body breaks it.
 * @example { summary: 'A running session has no result yet', when: { field: 'State', oneOf: ['Working'] }, then: { Result: { oneOf: ['None'] } } }
 */
export interface FieldRule {
  readonly summary: string;
  /** The field whose value selects the rule, and those values; without it the rule always applies. */
  readonly when?: FieldWhen;
  readonly then: Readonly<Record<string, FieldCondition>>;
}

/** A field of an object and the values for which something holds (a rule applies, a link is there). */
export interface FieldWhen {
  readonly field: string;
  readonly oneOf: readonly string[];
}

/** One of these values; present; absent; a date-time not before another date-time field (present too); a number at most another number field. */
export type FieldCondition =
  | { readonly oneOf: readonly string[] }
  | { readonly present: true }
  | { readonly absent: true }
  | { readonly notBefore: string }
  | { readonly atMost: string };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type AuthKind = 'none' | 'basic' | 'session';

export interface ParamSpec {
  readonly name: string;
  readonly type: ScalarType;
  readonly optional: boolean;
  readonly default?: string | number | boolean;
  readonly const?: string;
  readonly enum?: readonly string[];
  readonly summary?: string;
}

export interface HeaderSpec {
  readonly name: string;
  readonly optional: boolean;
  /** The exact documented value, where there is one. */
  readonly value?: string;
  readonly format?: 'url';
  readonly summary?: string;
}

/** A documented link: its `Rel` and the Veeam type (`Type`) it points at, and when it must be there. */
export interface LinkSpec {
  readonly rel: string;
  readonly type: string;
  /** The link is there only while this field of the entity holds one of these values (a link to what the entity produced, once it produced it). */
  readonly when?: FieldWhen;
  /** The link may be absent whatever the entity's state. */
  readonly optional?: true;
}

/** One representation of a response body; `format` is the `?format=` value, or 'default'. */
export interface Representation {
  readonly format: string;
  /** The model type name (a key of the XML maps). */
  readonly body: string;
  /** The document element name. */
  readonly root: string;
  /** The Veeam type name a Link's `Type` gives this representation, where documented. */
  readonly linkType?: string;
  /** Documented links on each entity or reference in the body, in document order. */
  readonly links?: readonly LinkSpec[];
}

export interface ResponseSpec {
  readonly status: number;
  /** An error status whose body is the Error body. */
  readonly error: boolean;
  readonly mediaType?: string;
  readonly headers: readonly HeaderSpec[];
  /** Empty when the response has no body. */
  readonly formats: readonly Representation[];
}

export interface ExampleSpec {
  /** The file under spec/examples/. */
  readonly file: string;
  /** The model type of the body. */
  readonly type: string;
  /** The operation whose response it documents, if any. */
  readonly operation?: string;
  readonly status?: number;
  readonly format?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly summary?: string;
  /** It documents the operation's request body, not a response. */
  readonly request?: boolean;
  /** What a person reads off the XML (a partial value, dates as ISO instants): the codec's independent oracle. */
  readonly expect?: Readonly<Record<string, unknown>>;
  /** The documented XML, verbatim. */
  readonly xml: string;
}

export interface OperationSpec {
  readonly id: string;
  /** The client's group of the operation (`client.jobs`), given by its path (packages/client/README.md, "Method names"). */
  readonly resource: string;
  /**
   * The client's method of each representation, by format (`{ default: 'get', Entity: 'getEntity' }`), given by
   * the same rule; a paged GET and any other method have one, under `default`.
   */
  readonly methods: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly docs: string;
  readonly method: HttpMethod;
  /** Relative to the base path, with `{name}` path parameters. */
  readonly path: string;
  readonly auth: AuthKind;
  readonly params: readonly ParamSpec[];
  readonly query: readonly ParamSpec[];
  readonly requestBody?: { readonly type: string; readonly optional: boolean };
  readonly responses: readonly ResponseSpec[];
  /** The entity type the operation is about: the collection it lists, the item it gets, the query it runs, the entity an action acts on. */
  readonly entity?: string;
  /** For an action answered with a Task: the Task's `Operation` and the entity type a finished task creates. */
  readonly task?: TaskSpec;
  /** For a query-service operation: each filter and sort field, to the entity field it reads (`CreationTimeUTC`) or a related entity's (`BackupServer.Name`). */
  readonly queryFields?: Readonly<Record<string, string>>;
}

/** What an action's Task does. */
export interface TaskSpec {
  /** The Task's `Operation` text (`StartJob`). */
  readonly operation: string;
  /**
   * The entity types a finished task may create, linked from the Task (`Related`) and referring to the
   * entity acted on: the first whose `where` on that reference admits the entity (a replication job's
   * start makes a replication session).
   */
  readonly creates?: readonly string[];
}

export interface ApiSpec {
  readonly title: string;
  readonly namespace: string;
  readonly basePath: string;
  readonly mediaType: string;
  readonly sessionHeader: string;
  /** The query parameter that picks a representation (`?format=Entity`), matched case-insensitively. */
  readonly formatParam: string;
  readonly errorBody: string;
  /** The operations of the protocol itself, by their part in it. */
  readonly protocol: ProtocolSpec;
}

/** Which operation plays each part of the protocol, by operation id. */
export interface ProtocolSpec {
  readonly entryPoint: string;
  readonly logon: string;
  readonly logonSession: string;
  readonly logoff: string;
  /** GET one Task: what `tasks.wait` polls; needed once an operation answers with a Task. */
  readonly task?: string;
  /** A session-protected GET without parameters: where the authentication probes go. */
  readonly authProbe: string;
}

/** The Veeam type a Link or Ref names, and the operation and format that GET it. */
export interface LinkTarget {
  readonly operation: string;
  readonly format: string;
  readonly body: string;
}

/** Everything generated from the spec, as one value: the machines take it, so a spec of another API drives them too. */
export interface ApiModel {
  readonly api: ApiSpec;
  readonly operations: Readonly<Record<string, OperationSpec>>;
  readonly xmlMaps: Readonly<Record<string, XmlTypeMap>>;
  /** Where a type's JSON departs from the rules that derive it from its XML map. (default: none) */
  readonly jsonMaps?: Readonly<Record<string, JsonTypeMap>>;
  readonly examples: readonly ExampleSpec[];
  /** Each Veeam link Type to every GET that serves it, in spec order (a sub-collection under two parents): the operation an href is the URL of says which. */
  readonly linkTargets: Readonly<Record<string, readonly LinkTarget[]>>;
}
