import type { OperationTypes, operations } from '@vbem/models';
import type { CallOptions } from './client-options.js';
import type { DEFAULT_FORMAT, PAGE_PARAM } from './spec-conventions.js';

/**
 * The resource groups as types, computed from the generated operation table by the same rule as
 * `methodPlans`: nothing here names a resource, an operation or a format.
 */

type Operations = typeof operations;

/** The operations that become resource methods: every GET (logon and logoff are the lifecycle's). */
export type ReadOperationId = { [K in keyof Operations]: Operations[K]['method'] extends 'GET' ? K : never }[keyof Operations] & keyof OperationTypes;

type IsUpper<C extends string> = C extends Lowercase<C> ? false : true;
/** The lowercase verb an operation id starts with. */
type Verb<S extends string, Acc extends string = ''> = S extends `${infer C}${infer Rest}` ? (IsUpper<C> extends true ? Acc : Verb<Rest, `${Acc}${C}`>) : Acc;
type Noun<S extends string> = S extends `${Verb<S>}${infer R}` ? R : never;
type Plural<S extends string> = S extends `${infer P}y` ? `${P}ies` : `${S}s`;
type MethodName<V extends string, F extends string> = F extends typeof DEFAULT_FORMAT ? V : `${V}${V extends 'list' ? Plural<F> : F}`;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Params<K extends ReadOperationId> = OperationTypes[K]['params'];
type Query<K extends ReadOperationId> = OperationTypes[K]['query'];
type Formats<K extends ReadOperationId> = OperationTypes[K]['formats'];

/** Path parameters: none, one positional value, or an object of several. */
type PathArgs<P> = [keyof P] extends [never] ? [] : IsUnion<keyof P> extends true ? [params: P] : [id: P[keyof P]];

/** The query parameters fixed by the spec (as `type=CloudFailoverSession`) are the client's to send. */
type ConstQueryNames<K extends ReadOperationId> = Extract<Operations[K]['query'][number], { const: string }>['name'];

/** The options of a read method: the operation's query parameters plus `signal`. */
export type ReadOptions<K extends ReadOperationId> = Simplify<Omit<Query<K>, ConstQueryNames<K>> & CallOptions>;

/** The options of a paged method: filters, sorting, page size, the start page, the format, `signal`. */
export type PageOptions<K extends ReadOperationId> = Simplify<
  Omit<Query<K>, ConstQueryNames<K>> & CallOptions & { /** The representation of each page. (default: the server's, references) */ format?: Exclude<keyof Formats<K>, typeof DEFAULT_FORMAT> }
>;

export type ReadMethod<K extends ReadOperationId, F extends keyof Formats<K>> = (...args: [...PathArgs<Params<K>>, options?: ReadOptions<K>]) => Promise<Formats<K>[F]>;

/** A paged method: an async iterator over every page, fetched one after the other as the loop asks. */
export type PagedMethod<K extends ReadOperationId> = (options?: PageOptions<K>) => AsyncGenerator<Formats<K>[keyof Formats<K>], void, undefined>;

type IsPaged<K extends ReadOperationId> = typeof PAGE_PARAM extends keyof Query<K> ? true : false;

type MethodsOf<K extends ReadOperationId> =
  IsPaged<K> extends true
    ? { [N in Uncapitalize<Noun<K>>]: PagedMethod<K> }
    : { [F in keyof Formats<K> & string as MethodName<Verb<K>, F>]: ReadMethod<K, F> };

type GroupOf<R> = UnionToIntersection<{ [K in ReadOperationId]: Operations[K]['resource'] extends R ? MethodsOf<K> : never }[ReadOperationId]>;

/** Every resource group of the spec, by its resource name: `client.cloudFailoverSessions.getEntity(id)`. */
export type Resources = { readonly [R in Operations[ReadOperationId]['resource']]: Simplify<GroupOf<R>> };
