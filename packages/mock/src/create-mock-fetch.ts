import { createMockCore } from './create-mock-core.js';
import { createMockState } from './create-mock-state.js';
import { toResponse, viewOfCall, viewOfRequest } from './fetch-view.js';
import type { MockOptions } from './mock-options.js';
import type { MockState } from './mock-state.js';

/** A fetch function, as `createClient({ fetch })` and most HTTP libraries take one. */
export type MockFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A fetch function that is the fake Enterprise Manager, in-process: no interception, no socket, the
 * same answers as the msw handlers and the HTTP server. A URL the mock does not serve (another
 * origin than `baseUrl`, a path outside the API) and a reset fault make it fail as fetch does on a
 * network error: a TypeError with a cause.
 * @example const client = createClient({ baseUrl: 'https://em.test:9398', username: 'u', password: 'p', fetch: createMockFetch(state, { baseUrl: 'https://em.test:9398' }) })
 */
export function createMockFetch(state: MockState = createMockState(), options: MockOptions = {}): MockFetch {
  const core = createMockCore(state, options);
  return async (input, init) => {
    const request = input instanceof Request ? viewOfRequest(new Request(input, init)) : viewOfCall(input, init);
    if (!core.serves(request.url)) throw new TypeError('fetch failed', { cause: new Error(`the mock does not serve ${request.url.origin}${request.url.pathname}`) });
    const response = toResponse(await core.respond(request));
    if (!response) throw new TypeError('fetch failed', { cause: Object.assign(new Error('the mock reset the connection (a fault)'), { code: 'ECONNRESET' }) });
    return response;
  };
}
