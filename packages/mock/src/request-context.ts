import type { OperationSpec } from '@vbem/models';
import type { MockOptions } from './mock-options.js';
import type { MockRequest } from './mock-request.js';
import type { MockLogon, MockState } from './mock-state.js';
import type { Fault } from './fault.js';
import type { Reply } from './reply.js';
import type { BodyFormat } from './body-format.js';

/** One request, matched to its operation and past authentication. */
export interface RequestContext {
  readonly request: MockRequest;
  readonly url: URL;
  readonly operation: OperationSpec;
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The success representation `format` asks for; undefined when the success response has no body. */
  readonly representation: BodyFormat | undefined;
  readonly state: MockState;
  readonly options: MockOptions;
  /** The fault applied to this request, if any. */
  readonly fault: Fault | undefined;
  /** The caller's live logon session (none when authentication is not enforced and none was sent). */
  readonly logon: MockLogon | undefined;
  /** The user whose Basic credentials were accepted, on a Basic-auth operation. */
  readonly userName: string | undefined;
}

/** What one kind of operation does. */
export type Handler = (context: RequestContext) => Reply | Promise<Reply>;
