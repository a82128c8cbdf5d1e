import { api, formatOf, operationsAtPath, successOf, type OperationSpec } from '@vbem/models';
import { authenticate } from './authenticate.js';
import type { Fault, MockFaults } from './fault.js';
import { HttpStatus } from './http-status.js';
import type { MockOptions } from './mock-options.js';
import type { MockRequest, MockResponse } from './mock-request.js';
import type { MockLogon, MockState } from './mock-state.js';
import { renderReply } from './render-reply.js';
import { errorReply, type Reply } from './reply.js';
import { responders, stateDerived } from './responders.js';
import { takeFault } from './take-fault.js';
import { VersionedMap } from './versioned-map.js';

/** The fake Enterprise Manager without a transport: the msw handlers and the HTTP server both drive it. */
export interface MockCore {
  /** Answers a request already matched to an operation. */
  answer(operation: OperationSpec, params: Readonly<Record<string, string>>, request: MockRequest): Promise<MockResponse>;
  /** Answers a request under the base path that matched no operation: 405 on a known path, else 404. */
  answerUnmatched(request: MockRequest): MockResponse;
  /** Whether the mock answers requests to this URL at all (`baseUrl`, base path). */
  serves(url: URL): boolean;
}

const CACHE_LIMIT = 512;

/**
 * The mock's behaviour over one state: faults, authentication, `format`, the operation's responder,
 * and a cache of the bodies built from sessions and servers (dropped when their maps change).
 * @example const core = createMockCore(createMockState(), {}); await core.answer(operations.getEntryPoint, {}, request)
 */
export function createMockCore(state: MockState, options: MockOptions): MockCore {
  const cache = new Map<string, { readonly version: string; readonly response: MockResponse }>();
  const versionOf = () =>
    state.failoverSessions instanceof VersionedMap && state.backupServers instanceof VersionedMap
      ? `${state.failoverSessions.version}:${state.backupServers.version}`
      : undefined;

  const respond = (operation: OperationSpec, params: Readonly<Record<string, string>>, request: MockRequest, fault: Fault | undefined): MockResponse => {
    const auth = authenticate(operation, request, state, options.auth);
    if (auth.refused) return renderReply(auth.refused, operation, fault);
    const version = fault === undefined && stateDerived.has(operation.id) ? versionOf() : undefined;
    const key = `${operation.id} ${request.url.href}`;
    const hit = version === undefined ? undefined : cache.get(key);
    if (hit && hit.version === version) return hit.response;
    const response = renderReply(reply(operation, params, request, auth.logon, auth.userName), operation, fault);
    if (version !== undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, { version, response });
    }
    return response;
  };

  const reply = (operation: OperationSpec, params: Readonly<Record<string, string>>, request: MockRequest, logon: MockLogon | undefined, userName: string | undefined): Reply => {
    const url = request.url;
    const formats = successOf(operation).formats;
    const representation = formats.length > 0 ? formatOf(url, formats) : undefined;
    if (formats.length > 0 && !representation) {
      return errorReply(HttpStatus.BadRequest, `Unknown format '${url.searchParams.get('format')}'; known: ${formats.map((f) => f.format).join(', ')}`);
    }
    const responder = responders[operation.id as keyof typeof responders];
    return responder({ request, url, operation, params, representation, state, options, logon, userName });
  };

  return {
    async answer(operation, params, request) {
      const fault = takeFault(options.faults?.[operation.id as keyof MockFaults]);
      if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
      if (fault?.reset) return { reset: true };
      if (fault?.status !== undefined && fault.status >= 400) {
        return renderReply(errorReply(fault.status, `A fault injected by the mock (${fault.status})`), operation, fault);
      }
      const response = respond(operation, params, request, fault);
      return fault?.status !== undefined && !response.reset ? { ...response, status: fault.status } : response;
    },
    answerUnmatched(request) {
      const allowed = [...new Set(operationsAtPath(request.url).map((op) => op.method))];
      if (allowed.length === 0) return renderReply(errorReply(HttpStatus.NotFound, 'No resource at this path'));
      const message = `Method ${request.method} is not allowed here; allowed: ${allowed.join(', ')}`;
      return renderReply(errorReply(HttpStatus.MethodNotAllowed, message, { Allow: allowed.join(', ') }));
    },
    serves(url) {
      if (options.baseUrl !== undefined && url.origin !== new URL(options.baseUrl).origin) return false;
      return url.pathname === api.basePath || url.pathname.startsWith(`${api.basePath}/`);
    },
  };
}
