import type { ModelTypes, OperationTypes, api, operations, Task } from '@vbem/models';
import type { CallOptions } from './client-options.js';
import type { DEFAULT_FORMAT, ITEMLESS_FIELDS, PAGE_PARAM } from './spec-conventions.js';

/**
 * The resource groups as types, computed from the generated operation table by the same rule as
 * `methodPlans`: nothing here names a resource, an operation or a format.
 */

type Operations = typeof operations;
type Protocol = (typeof api)['protocol'];

/** The operations that become resource methods: every one but the lifecycle's (logon and logoff). */
export type MethodOperationId = Exclude<keyof Operations, Protocol['logon'] | Protocol['logoff']> & keyof OperationTypes;
/** @deprecated the GET operations only; every operation now has a method: see MethodOperationId. */
export type ReadOperationId = { [K in MethodOperationId]: Operations[K]['method'] extends 'GET' ? K : never }[MethodOperationId];

/** The method names the operation table gives an operation, by format (the path rule of the README's "Method names"). */
type Names<K extends MethodOperationId> = Operations[K]['methods'];
/** The one method of a paged GET or a write. */
type Single<K extends MethodOperationId> = Names<K> extends { readonly default: infer N extends string } ? N : never;
type ReadName<K extends MethodOperationId, F extends string> = Names<K> extends { readonly [P in F]: infer N extends string } ? N : never;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Params<K extends MethodOperationId> = OperationTypes[K]['params'];
type Query<K extends MethodOperationId> = OperationTypes[K]['query'];
type Formats<K extends MethodOperationId> = OperationTypes[K]['formats'];
type Body<K extends MethodOperationId> = OperationTypes[K]['body'];

/** Path parameters: none, one positional value, or an object of several. */
type PathArgs<P> = [keyof P] extends [never] ? [] : IsUnion<keyof P> extends true ? [params: P] : [id: P[keyof P]];

/** The request body: none, an optional one, or a required one, typed by the spec. */
type BodyArgs<K extends MethodOperationId> = [Body<K>] extends [never]
  ? []
  : Operations[K] extends { requestBody: { optional: true } }
    ? [body?: Body<K>]
    : [body: Body<K>];

/** The query parameters fixed by the spec (a query's `type`, an action's `action`) are the client's to send. */
type ConstQueryNames<K extends MethodOperationId> = Extract<Operations[K]['query'][number], { const: string }>['name'];

/** The options of a read or write method: the operation's query parameters plus `signal`. */
export type ReadOptions<K extends MethodOperationId> = Simplify<Omit<Query<K>, ConstQueryNames<K>> & CallOptions>;

/** The options of a paged method: filters, sorting, page size, the start page, the format, `signal`. */
export type PageOptions<K extends MethodOperationId> = Simplify<
  Omit<Query<K>, ConstQueryNames<K>> & CallOptions & { /** The representation of each page. (default: the server's, references) */ format?: PageFormat<K> }
>;

type ReadArgs<K extends MethodOperationId> = [...PathArgs<Params<K>>, options?: ReadOptions<K>];

/** The item of a list body (a type whose only field is one list), or never. */
export type ListItem<V> = IsUnion<keyof V> extends true ? never : { [P in keyof V]-?: NonNullable<V[P]> extends ReadonlyArray<infer I> ? I : never }[keyof V];

/** A read method whose body is a list also streams it: `items()` yields each item as it arrives, over one response. */
type StreamedItems<K extends MethodOperationId, F extends keyof Formats<K>> = [ListItem<Formats<K>[F]>] extends [never]
  ? {}
  : {
      /** Each item of the list as it arrives, decoded one by one over one response: memory stays that of one item, whatever the list's length. */
      items(...args: ReadArgs<K>): AsyncGenerator<ListItem<Formats<K>[F]>, void, undefined>;
    };

export type ReadMethod<K extends MethodOperationId, F extends keyof Formats<K>> = ((...args: ReadArgs<K>) => Promise<Formats<K>[F]>) & StreamedItems<K, F>;

/** What a write answers: its documented body (a Task for a 202 action), or nothing. */
export type WriteResult<K extends MethodOperationId> = typeof DEFAULT_FORMAT extends keyof Formats<K> ? Formats<K>[typeof DEFAULT_FORMAT] : void;

/** A write method (POST, PUT, DELETE, an `?action=`): path parameters, the request body, options. Never retried. */
export type WriteMethod<K extends MethodOperationId> = (...args: [...PathArgs<Params<K>>, ...BodyArgs<K>, options?: ReadOptions<K>]) => Promise<WriteResult<K>>;

/**
 * The items of one field of a page: a list's elements, or those of the lists its wrapper holds —
 * of them, the operation's entity `E` where the spec names one (one wrapper serves every query type).
 */
type ItemsOfField<V, E> = NonNullable<V> extends ReadonlyArray<infer I>
  ? I
  : [E] extends [never]
    ? { [Q in keyof NonNullable<V>]-?: NonNullable<NonNullable<V>[Q]> extends ReadonlyArray<infer J> ? J : never }[keyof NonNullable<V>]
    : E;

/**
 * The items a page holds: each element of its lists (`Refs`), or of the lists in its lists' wrapper
 * (`Entities`); only those of the field named like the format `F` asked, when there is one.
 */
export type PageItem<Page, F = undefined, E = never> = F extends keyof Page
  ? ItemsOfField<Page[F], E>
  : { [P in Exclude<keyof Page, ITEMLESS_FIELDS>]-?: ItemsOfField<Page[P], E> }[Exclude<keyof Page, ITEMLESS_FIELDS>];

/** The pages of a paged method, one after the other as the loop asks, and `items()` across them all. */
export interface Pages<Page, F = undefined, E = never> extends AsyncGenerator<Page, void, undefined> {
  /** Every item of every page, in order, fetching the next page when the items of one run out. */
  items(): AsyncGenerator<PageItem<Page, F, E>, void, undefined>;
}

/** The model type of the entity an operation is about (`entity:` in the spec), or never. */
type EntityOf<K extends MethodOperationId> = Operations[K] extends { readonly entity: infer E extends keyof ModelTypes } ? ModelTypes[E] : never;

type PageFormat<K extends MethodOperationId> = Exclude<keyof Formats<K>, typeof DEFAULT_FORMAT>;

/** A paged method: an async iterator over every page, fetched one after the other as the loop asks. */
export type PagedMethod<K extends MethodOperationId> = <F extends PageFormat<K> | undefined = undefined>(
  options?: PageOptions<K> & { format?: F },
) => Pages<Formats<K>[keyof Formats<K>], F, EntityOf<K>>;

type IsPaged<K extends MethodOperationId> = typeof PAGE_PARAM extends keyof Query<K> ? true : false;

/** The methods one operation becomes, by name. */
export type MethodsOf<K extends MethodOperationId> = Operations[K]['method'] extends 'GET'
  ? IsPaged<K> extends true
    ? { [N in Single<K>]: PagedMethod<K> }
    : { [F in keyof Formats<K> & string as ReadName<K, F>]: ReadMethod<K, F> }
  : { [N in Single<K>]: WriteMethod<K> };

/** The method names one operation becomes: what `methodPlans(operations[K]).map((p) => p.name)` gives. */
export type MethodNamesOf<K extends MethodOperationId> = keyof MethodsOf<K> & string;

type GroupOf<R> = UnionToIntersection<{ [K in MethodOperationId]: Operations[K]['resource'] extends R ? MethodsOf<K> : never }[MethodOperationId]>;

/** Options of `tasks.wait`. */
export interface WaitOptions extends CallOptions {
  /** Milliseconds to wait for the task to finish before a TaskTimeoutError. (default: 600000, 10 minutes) */
  timeoutMs?: number;
  /** Milliseconds between two polls of the task. (default: 1000) */
  intervalMs?: number;
}

/** The group of the protocol's task operation gains `wait`. */
type TaskGroup = Protocol extends { task: infer T extends MethodOperationId } ? Operations[T]['resource'] : never;
type Extras<R> = R extends TaskGroup
  ? {
      /** Polls the task (by its own Href) until its State is not Running; the final Task. @throws {TaskFailedError} {TaskTimeoutError} */
      wait(task: Task, options?: WaitOptions): Promise<Task>;
    }
  : {};

/** Every resource group of the spec, by its resource name: `client.cloudFailoverSessions.getEntity(id)`. */
export type Resources = { readonly [R in Operations[MethodOperationId]['resource']]: Simplify<GroupOf<R> & Extras<R>> };
