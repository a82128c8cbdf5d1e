import { http, HttpResponse, type HttpHandler } from 'msw';
import { createMockCore } from './create-mock-core.js';
import { createMockState } from './create-mock-state.js';
import type { MockOptions } from './mock-options.js';
import { toResponse, viewOfRequest } from './fetch-view.js';
import type { MockResponse } from './mock-request.js';
import type { MockState } from './mock-state.js';

const toFetch = (response: MockResponse): Response => toResponse(response) ?? HttpResponse.error();

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
  const api = http.all(
    ({ request }) => core.serves(new URL(request.url)),
    async ({ request }) => toFetch(await core.respond(viewOfRequest(request))),
  );
  return [api];
}
