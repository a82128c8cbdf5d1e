import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'msw';
import type { ApiModel } from '@vbem/models';
import { createHandlers } from './create-handlers.js';
import { createMockCore } from './create-mock-core.js';
import { createMockState } from './create-mock-state.js';
import { mockListener } from './mock-listener.js';
import type { MockOptions } from './mock-options.js';
import type { MockState } from './mock-state.js';
import { nodeListener } from './node-listener.js';

export interface ServeMockOptions extends MockOptions {
  /** The TCP port; 0 picks a free one. (default: 0) */
  port?: number;
  /** The interface to listen on. (default: '127.0.0.1', loopback only) */
  host?: string;
  /** The fake Enterprise Manager to serve. (default: `createMockState({ model })`) */
  state?: MockState;
  /** The API to fake when no `state` is given. (default: `builtinModel`) */
  model?: ApiModel;
  /** MSW handlers tried before the mock's own (served through msw's slower `getResponse` then). (default: none) */
  handlers?: readonly RequestHandler[];
}

/** A running mock server. */
export interface MockServer {
  /** Its origin, such as `http://127.0.0.1:53117`; the API is under `/api/`. */
  readonly url: string;
  readonly state: MockState;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Serves the mock's handlers over real HTTP with node:http.
 * @example
 * const mock = await serveMock({ state: createMockState({ entities: 50 }) });
 * await fetch(`${mock.url}/api/`); // 200, the entry point
 * await mock.close();
 */
export async function serveMock(options: ServeMockOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', handlers } = options;
  const state = options.state ?? createMockState(options.model ? { model: options.model } : {});
  // The options object itself, not a copy: faults and auth set on it later still apply.
  const listener = handlers ? nodeListener([...handlers, ...createHandlers(state, options)]) : mockListener(createMockCore(state, options));
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
