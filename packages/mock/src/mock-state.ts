import type { ApiModel } from '@vbem/models';
import type { Timestamps } from './timestamps.js';

/**
 * An entity of a collection: its id, its entity type, the type's own fields (no Href, Type, UID
 * or Links: the mock builds those from the request's origin) and the entity it refers to per type.
 */
export interface MockEntity {
  readonly id: string;
  readonly type: string;
  readonly fields: Record<string, unknown>;
  /** The one entity of each referenced type this entity refers to (its fields and its links). */
  readonly refs: Readonly<Record<string, string>>;
}

/** A task an action started. */
export interface MockTask {
  /** Its TaskId (`task-1`), also the `{id}` of its URL. */
  readonly id: string;
  /** The id of the operation that started it. */
  readonly operation: string;
  /** The entity acted on. */
  readonly entity: { readonly type: string; readonly id: string };
  readonly createdAt: number;
  /** How long it stays Running, in ms. */
  readonly runMs: number;
  /** How it ends: succeed, fail, or stay Running. */
  readonly outcome: 'succeed' | 'fail' | 'hang';
  state: 'Running' | 'Finished';
  /** Set once finished. */
  success?: boolean;
  message?: string;
  /** The entity the finished task created, when its operation creates one. */
  related?: { readonly type: string; readonly id: string };
}

/** A logon session the mock has opened. */
export interface MockLogon {
  /** The logon session's id (its SessionId and the `{id}` of its URL). */
  readonly id: string;
  /** The opaque token sent back in the session header. */
  readonly token: string;
  readonly userName: string;
  /** When it was last used, in ms since the epoch. */
  lastUsed: number;
}

/** Everything the fake Enterprise Manager knows; the handlers read it on every request. Ids are lower case. */
export interface MockState {
  /** The API it serves. */
  readonly model: ApiModel;
  /**
   * Entities by id, per entity type: documented ones first, in example order. Change them with
   * `set`/`delete` (never an entity in place): bodies built from them are cached until a collection changes.
   */
  readonly collections: ReadonlyMap<string, Map<string, MockEntity>>;
  /** Tasks by TaskId. */
  readonly tasks: Map<string, MockTask>;
  /** User names (matched case-insensitively, as Windows accounts) and their passwords. */
  readonly users: ReadonlyMap<string, string>;
  /** Live logon sessions by token. */
  readonly logons: Map<string, MockLogon>;
  /** The fake's clock: generated date-times fall in the 30 days before it. */
  readonly now: Date;
  /** How generated date-times are written (to the millisecond, or the microsecond as EM 13). */
  readonly timestamps: Timestamps;
}
