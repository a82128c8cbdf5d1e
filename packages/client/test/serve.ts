import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FetchLike } from '../src/client-options.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The test-only self-signed certificate (CN localhost, SAN localhost and 127.0.0.1) the HTTPS server presents. */
export const SELF_SIGNED_CERT = fixture('self-signed.cert.pem');

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a fetch-shaped handler (such as a fakeEm's) over real HTTP or HTTPS on 127.0.0.1, on a
 * free port.
 */
export async function serve(handler: FetchLike, options: { tls?: boolean } = {}): Promise<Served> {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const headers = Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]]));
    const url = new URL(req.url ?? '/', `${options.tls ? 'https' : 'http'}://${req.headers.host}`);
    handler(url, { method: req.method ?? 'GET', headers })
      .then(async (response) => {
        res.writeHead(response.status, response.statusText, Object.fromEntries(response.headers));
        // Each chunk as the handler gives it: a test may hold the rest of a body back.
        if (response.body) for await (const chunk of response.body) res.write(chunk);
        res.end();
      })
      .catch(() => res.destroy());
  };
  const server = options.tls ? createHttpsServer({ cert: SELF_SIGNED_CERT, key: fixture('self-signed.key.pem') }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
