import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';

/**
 * A node:http request listener that answers with MSW handlers (`getResponse`), no interception:
 * the request's Host makes its origin; a network-error response destroys the socket; a response
 * without Content-Length goes chunked; a request no handler takes gets an empty 404.
 * @example createServer(nodeListener(createHandlers(state))).listen(0, '127.0.0.1')
 */
export function nodeListener(handlers: RequestHandler[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(handlers, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(error instanceof Error ? error.name : 'Error');
    });
  };
}

async function answer(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
  const response = await getResponse(handlers, request);
  if (!response) {
    res.writeHead(404).end();
    return;
  }
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => (out[name] = value));
  const bytes = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, out);
  // end(bytes) alone would add a Content-Length the response may have left out on purpose.
  if (response.headers.has('Content-Length') || bytes.byteLength === 0) {
    res.end(bytes);
  } else {
    res.write(bytes);
    res.end();
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}
