import { http, HttpResponse, type HttpHandler } from 'msw';
import { matchOperation, type OperationSpec } from '@vbem/models';
import { createMockCore } from './create-mock-core.js';
import { createMockState } from './create-mock-state.js';
import type { MockOptions } from './mock-options.js';
import type { MockRequest, MockResponse } from './mock-request.js';
import type { MockState } from './mock-state.js';

const byMethod = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;

const viewOf = (request: Request): MockRequest => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  body: async () => new Uint8Array(await request.clone().arrayBuffer()),
});

const toFetch = (response: MockResponse): Response =>
  response.reset ? HttpResponse.error() : new Response(response.body, { status: response.status, headers: response.headers });

/**
 * MSW request handlers for every operation of the state's model, over one fake Enterprise Manager, plus a
 * catch-all under the base path answering 404 (unknown path) or 405 (known path, other method).
 * @example
 * const server = setupServer(...createHandlers(createMockState({ entities: 10 })));
 * server.listen();
 */
export function createHandlers(state: MockState = createMockState(), options: MockOptions = {}): HttpHandler[] {
  const core = createMockCore(state, options);
  const model = state.model;
  const handlers = Object.values(model.operations).map((operation: OperationSpec) =>
    byMethod[operation.method](
      ({ request }) => {
        if (request.method !== operation.method) return false;
        const url = new URL(request.url);
        const match = core.serves(url) ? matchOperation(request.method, url, model) : undefined;
        return match?.operation === operation ? { matches: true, params: match.params } : false;
      },
      async ({ request, params }) => toFetch(await core.answer(operation, params as Record<string, string>, viewOf(request))),
    ),
  );
  const catchAll = http.all(
    ({ request }) => core.serves(new URL(request.url)),
    ({ request }) => toFetch(core.answerUnmatched(viewOf(request))),
  );
  return [...handlers, catchAll];
}
