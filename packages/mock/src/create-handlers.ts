import { http, HttpResponse, type HttpHandler } from 'msw';
import { matchOperation } from '@vbem/models';
import { createMockCore } from './create-mock-core.js';
import { createMockState } from './create-mock-state.js';
import type { MockOptions } from './mock-options.js';
import type { MockRequest, MockResponse } from './mock-request.js';
import type { MockState } from './mock-state.js';

const viewOf = (request: Request): MockRequest => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  body: async () => new Uint8Array(await request.clone().arrayBuffer()),
});

const toFetch = (response: MockResponse): Response =>
  response.reset ? HttpResponse.error() : new Response(response.body, { status: response.status, headers: response.headers });

/**
 * MSW request handlers for the state's model over one fake Enterprise Manager: one handler takes every
 * request under the base path, finds its operation in the operation table once and answers it (404
 * for an unknown path, 405 for a known path and another method). One handler, not one per operation:
 * MSW runs each handler's predicate in turn, so per-operation handlers cost a table lookup each.
 * @example
 * const server = setupServer(...createHandlers(createMockState({ entities: 10 })));
 * server.listen();
 */
export function createHandlers(state: MockState = createMockState(), options: MockOptions = {}): HttpHandler[] {
  const core = createMockCore(state, options);
  const model = state.model;
  const api = http.all(
    ({ request }) => core.serves(new URL(request.url)),
    async ({ request }) => {
      const view = viewOf(request);
      const match = matchOperation(request.method, view.url, model);
      return toFetch(match ? await core.answer(match.operation, match.params, view) : core.answerUnmatched(view));
    },
  );
  return [api];
}
