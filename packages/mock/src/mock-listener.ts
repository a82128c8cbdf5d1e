import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockCore } from './create-mock-core.js';
import type { MockRequest, MockResponse } from './mock-request.js';

/**
 * A node:http request listener driving the mock's core directly: the same behaviour as the msw
 * handlers without building Fetch Requests and Responses (which cost most of the time on Node 20).
 * The Host header makes the origin; a reset destroys the socket; a response without
 * Content-Length goes chunked; a path outside the API gets an empty 404.
 * @example createServer(mockListener(createMockCore(state, {}))).listen(0, '127.0.0.1')
 */
export function mockListener(core: MockCore) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(core, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(error instanceof Error ? error.name : 'Error');
    });
  };
}

async function answer(core: MockCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const request: MockRequest = {
    method: req.method ?? 'GET',
    url,
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: () => readBody(req),
  };
  if (!core.serves(url)) {
    res.writeHead(404).end();
    return;
  }
  write(req, res, await core.respond(request));
}

/** Sends a mock response over node:http (shared by the direct listener and nothing else). */
function write(req: IncomingMessage, res: ServerResponse, response: MockResponse): void {
  if (response.reset) {
    req.socket.destroy();
    return;
  }
  res.writeHead(response.status, response.headers);
  if (response.body === null || response.headers['Content-Length'] !== undefined) {
    res.end(response.body ?? undefined);
  } else {
    // end(body) alone would add the Content-Length the response leaves out on purpose.
    res.write(response.body);
    res.end();
  }
}

/** The request body, read once (later calls get the same bytes). */
function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const cached = bodies.get(req);
  if (cached) return cached;
  const read = new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
  bodies.set(req, read);
  return read;
}
const bodies = new WeakMap<IncomingMessage, Promise<Uint8Array>>();
