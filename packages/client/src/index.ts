export { createClient } from './create-client.js';
export { linkOf } from './link-of.js';
export { redact, Secrets } from './redact.js';
export { methodPlans } from './method-names.js';
export { TaskFailedError, TaskTimeoutError, ActionLinkError } from './task-errors.js';
export { normalizeBaseUrl } from './normalize-base-url.js';
export { tlsDispatcher } from './tls-dispatcher.js';
export {
  ClientError,
  HttpError,
  AuthenticationError,
  TimeoutError,
  NetworkError,
  UnexpectedResponseError,
  LinkError,
  ForeignOriginError,
  BaseUrlError,
} from './errors.js';
export {
  XmlCodecError,
  MalformedXmlError,
  TruncatedXmlError,
  NotXmlError,
  UnsafeXmlError,
  BodyTooLargeError,
  NamespaceError,
  RootElementError,
  XmlShapeError,
  ValidationError,
  NotJsonError,
  TruncatedJsonError,
  UnsafeJsonError,
  JsonShapeError,
} from '@vbem/models';

export type { VbemClient, FollowOptions, FollowResult } from './create-client.js';
export type { ClientOptions, CommonOptions, CredentialOptions, SessionOptions, CallOptions, FetchLike } from './client-options.js';
export type { MethodPlan } from './method-names.js';
export type {
  Resources,
  ReadMethod,
  WriteMethod,
  WriteResult,
  PagedMethod,
  Pages,
  PageItem,
  ListItem,
  ReadOptions,
  PageOptions,
  WaitOptions,
  MethodOperationId,
  MethodNamesOf,
  ReadOperationId,
} from './resource-types.js';
export type { Followable } from './follow-link.js';
export type { RequestContext } from './errors.js';
export type * from '@vbem/models';
