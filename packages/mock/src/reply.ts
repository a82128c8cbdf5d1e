import { api, type ModelName, type ModelTypes } from '@vbem/models';

/** A model body the mock will encode. */
export type ReplyBody = { [K in ModelName]: { readonly type: K; readonly value: ModelTypes[K] } }[ModelName];

/** What a responder answers, before faults and encoding. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** None for an empty body (204). */
  readonly body?: ReplyBody;
}

/**
 * An error reply: the spec's Error body, its StatusCode the HTTP status. Messages never carry
 * credentials or tokens.
 * @example errorReply(404, 'No cloud failover session with this id')
 */
export function errorReply(status: number, message: string, headers?: Readonly<Record<string, string>>): Reply {
  const body = { type: api.errorBody, value: { Message: message, StatusCode: status } } as ReplyBody;
  return { status, body, ...(headers ? { headers } : {}) };
}
