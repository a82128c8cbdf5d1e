import type { ScalarType } from '@vbem/models';

/** The spec as loaded and checked: every reference resolved, inheritance not yet flattened. */
export interface Spec {
  readonly api: {
    readonly title: string;
    readonly namespace: string;
    readonly basePath: string;
    readonly mediaType: string;
    readonly sessionHeader: string;
    readonly docs: string;
    readonly errorBody: string;
    readonly errors: Readonly<Record<string, readonly number[]>>;
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
  readonly attributes: readonly FieldDef[];
  readonly elements: readonly FieldDef[];
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
}

export interface ParamDef {
  readonly name: string;
  readonly type: ScalarType;
  readonly optional: boolean;
  readonly default?: string | number | boolean;
  readonly const?: string;
  readonly enum?: readonly string[];
  readonly summary?: string;
}

export interface RepresentationDef {
  readonly format: string;
  readonly body: string;
  readonly linkType?: string;
  readonly links?: Readonly<Record<string, string>>;
}

export interface ResponseDef {
  readonly status: number;
  readonly error: boolean;
  readonly summary?: string;
  readonly headers: readonly { name: string; value?: string; format?: 'url'; optional: boolean; summary?: string }[];
  readonly formats: readonly RepresentationDef[];
}

export interface OperationDef {
  readonly id: string;
  readonly resource: string;
  readonly summary: string;
  readonly docs: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly auth: 'none' | 'basic' | 'session';
  readonly params: readonly ParamDef[];
  readonly query: readonly ParamDef[];
  readonly requestBody?: { readonly type: string; readonly optional: boolean };
  readonly responses: readonly ResponseDef[];
}

export interface ExampleDef {
  readonly file: string;
  readonly type: string;
  readonly operation?: string;
  readonly status?: number;
  readonly format?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly summary?: string;
  readonly xml: string;
}

export const SCALARS: readonly ScalarType[] = ['string', 'int', 'boolean', 'dateTime', 'guid', 'uid', 'url'];
export const isScalar = (t: string): t is ScalarType => (SCALARS as readonly string[]).includes(t);
