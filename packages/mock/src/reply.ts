import type { ApiModel } from '@vbem/models';

/** A model body the mock will encode: the name of its type in the model and its value. */
export interface ReplyBody {
  readonly type: string;
  readonly value: unknown;
}

/** What a handler answers, before faults and encoding. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** None for an empty body (204). */
  readonly body?: ReplyBody;
}

/**
 * An error reply: the spec's Error body, its StatusCode the HTTP status. Messages never carry
 * credentials or tokens.
 * @example errorReply(model, 404, 'No entity with this id')
 */
export function errorReply(model: ApiModel, status: number, message: string, headers?: Readonly<Record<string, string>>): Reply {
  const body = { type: model.api.errorBody, value: { Message: message, StatusCode: status } };
  return { status, body, ...(headers ? { headers } : {}) };
}
