import { formatOf, matchOperation, mediaTypeOf, representations, operationsAtPath, successOf, type ApiModel, type OperationSpec, type Representation } from '@vbem/models';
import { acceptedRepresentation } from './accepted-representation.js';
import { authenticate } from './authenticate.js';
import type { Fault } from './fault.js';
import { handlerOf } from './handlers/handler-of.js';
import { HttpStatus } from './http-status.js';
import type { MockOptions } from './mock-options.js';
import type { MockRequest, MockResponse } from './mock-request.js';
import type { MockState } from './mock-state.js';
import { settleTasks } from './protocol/tasks.js';
import { renderReply } from './render-reply.js';
import { errorReply, type Reply } from './reply.js';
import { indexOf } from './model-index.js';
import { takeFault } from './take-fault.js';
import { stateRevision } from './versioned-map.js';

/** The handler kinds whose answer depends only on the URL and the collections. */
const CACHED_KINDS: ReadonlySet<string> = new Set(['list', 'item', 'sub-collection', 'query', 'document']);
const CACHE_LIMIT = 512;

/** The fake Enterprise Manager without a transport: the msw handlers and the HTTP server both drive it. */
export interface MockCore {
  /** The API it fakes (the state's model). */
  readonly model: ApiModel;
  /** Whether the mock answers requests to this URL at all (`baseUrl`, base path). */
  serves(url: URL): boolean;
  /**
   * Answers a request it serves: its operation found in the operation table and answered; for none,
   * 400 without the const query parameter its method needs here, 405 on a known path, else 404.
   */
  respond(request: MockRequest): Promise<MockResponse>;
}

/**
 * The mock's behaviour over one state: the representation `Accept` asks for (406 with an XML Error
 * body when it asks for neither XML nor JSON), faults, authentication, `format`, then the operation's
 * handler (its kind's, or the protocol's own); tasks due are finished before each request.
 * @example const core = createMockCore(createMockState(), {}); await core.respond(request)
 */
export function createMockCore(state: MockState, options: MockOptions): MockCore {
  const model = state.model;
  const index = indexOf(model);
  // Bodies built from the collections alone (not from who asks), kept until a collection changes.
  const cache = new Map<string, { readonly revision: string; readonly response: MockResponse }>();

  const reply = async (operation: OperationSpec, params: Readonly<Record<string, string>>, request: MockRequest, fault: Fault | undefined): Promise<Reply> => {
    const auth = authenticate(operation, request, state, options.auth);
    if (auth.refused) return auth.refused;
    const url = request.url;
    const formats = successOf(operation).formats;
    const representation = formats.length > 0 ? formatOf(url, formats, model) : undefined;
    if (formats.length > 0 && !representation) {
      return errorReply(model, HttpStatus.BadRequest, `Unknown format '${url.searchParams.get(model.api.formatParam)}'; known: ${formats.map((f) => f.format).join(', ')}`);
    }
    const handler = handlerOf(model, operation);
    return handler({ request, url, operation, params, representation, state, options, fault, logon: auth.logon, userName: auth.userName });
  };

  const answer = async (operation: OperationSpec, params: Readonly<Record<string, string>>, request: MockRequest, representation: Representation): Promise<MockResponse> => {
    const fault = takeFault(options.faults?.[operation.id]);
    const render = (r: Reply) => renderReply(model, r, { representation, json: options.json, operation, fault });
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.reset) return { reset: true };
    if (fault?.status !== undefined && fault.status >= 400) return render(errorReply(model, fault.status, `A fault injected by the mock (${fault.status})`));
    settleTasks(state);
    const revision = fault === undefined && CACHED_KINDS.has(index.kind(operation)) ? stateRevision(state.collections) : undefined;
    // Options are read per request, so the JSON style is part of the key.
    const style = representation === 'json' ? ` ${options.json?.casing} ${options.json?.nulls}` : '';
    const key = `${operation.id} ${representation}${style} ${request.url.href}`;
    const hit = revision === undefined ? undefined : cache.get(key);
    // The cached body still goes through authentication: only who may see it changes per request.
    if (hit && hit.revision === revision && !authenticate(operation, request, state, options.auth).refused) return hit.response;
    const response = render(await reply(operation, params, request, fault));
    if (revision !== undefined && !response.reset && response.status < 300) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, { revision, response });
    }
    return fault?.status !== undefined && !response.reset ? { ...response, status: fault.status } : response;
  };

  const answerUnmatched = (request: MockRequest, representation: Representation): MockResponse => {
    const render = (r: Reply) => renderReply(model, r, { representation, json: options.json });
    // An operation of this method at this path that a const query parameter picks (`?action=…`), missing or another here.
    const wanted = Object.values(model.operations).filter((op) => {
      if (op.method !== request.method || !op.query.some((q) => q.const !== undefined)) return false;
      const probe = new URL(request.url);
      for (const q of op.query) if (q.const !== undefined) probe.searchParams.set(q.name, q.const);
      return operationsAtPath(probe, model).includes(op);
    });
    if (wanted.length > 0) {
      const choices = wanted.flatMap((op) => op.query.filter((q) => q.const !== undefined).map((q) => `${q.name}=${q.const}`));
      return render(errorReply(model, HttpStatus.BadRequest, `${request.method} here needs one of: ${choices.join(', ')}`));
    }
    const allowed = [...new Set(operationsAtPath(request.url, model).map((op) => op.method))];
    if (allowed.length === 0) return render(errorReply(model, HttpStatus.NotFound, 'No resource at this path'));
    const message = `Method ${request.method} is not allowed here; allowed: ${allowed.join(', ')}`;
    return render(errorReply(model, HttpStatus.MethodNotAllowed, message, { Allow: allowed.join(', ') }));
  };

  return {
    model,
    serves(url) {
      if (options.baseUrl !== undefined && url.origin !== new URL(options.baseUrl).origin) return false;
      return url.pathname === model.api.basePath || url.pathname.startsWith(`${model.api.basePath}/`);
    },
    async respond(request) {
      const accept = request.headers.get('Accept');
      const representation = acceptedRepresentation(model, accept);
      if (!representation) {
        const wanted = representations.map((r) => mediaTypeOf(model, r)).join(' or ');
        return renderReply(model, errorReply(model, HttpStatus.NotAcceptable, `The Accept header asks for none of ${wanted}: '${accept}'`));
      }
      const match = matchOperation(request.method, request.url, model);
      return match ? answer(match.operation, match.params, request, representation) : answerUnmatched(request, representation);
    },
  };
}
