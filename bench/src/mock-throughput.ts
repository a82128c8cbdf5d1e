import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { api, operations, operationUrl } from '@vbem/models';
import { createMockState, defaultCredentials, serveMock } from '@vbem/mock';

/** The load both servers get: the same tool, the same settings, in the same run. */
const LOAD = { connections: 50, duration: 10 } as const;
const WARM_UP_SECONDS = 2;
const TARGET_RATIO = 0.5;

interface ServerData {
  readonly role: 'vbem-mock-throughput-server';
  readonly kind: 'mock' | 'bare';
  /** For the bare server: the bytes and headers the mock answered with. */
  readonly body?: Uint8Array;
  readonly headers?: Record<string, string>;
}

/**
 * The mock served over HTTP against a bare node:http server returning the same bytes: each server
 * in its own worker thread, autocannon (50 connections, 10 s, `GET /api/cloud/failoverSessions`
 * with a session header) in this one. Returns printable lines with both req/s and their ratio.
 * @example for (const line of await benchMockThroughput()) console.log(line);
 */
export async function benchMockThroughput(): Promise<string[]> {
  const mock = await startServer({ role: 'vbem-mock-throughput-server', kind: 'mock' });
  try {
    const token = await logOn(mock.url);
    const listUrl = operationUrl(mock.url, operations.listCloudFailoverSessions).href;
    const sample = await fetch(listUrl, { headers: { [api.sessionHeader]: token } });
    if (sample.status !== 200) throw new Error(`The mock answered the list with ${sample.status}`);
    const body = new Uint8Array(await sample.arrayBuffer());
    const headers = { 'Content-Type': sample.headers.get('Content-Type') ?? '', 'Content-Length': String(body.byteLength) };
    const bare = await startServer({ role: 'vbem-mock-throughput-server', kind: 'bare', body, headers });
    try {
      const path = new URL(listUrl).pathname;
      const bareRate = await load(`${bare.url}${path}`, token);
      const mockRate = await load(listUrl, token);
      const ratio = mockRate / bareRate;
      const settings = `${LOAD.connections} connections, ${LOAD.duration} s, GET ${path} with ${api.sessionHeader}`;
      return [
        `mock throughput (${settings}; ${body.byteLength} bytes, autocannon, each server in a worker thread)`,
        `  bare node:http   ${bareRate.toFixed(0).padStart(7)} req/s`,
        `  @vbem/mock       ${mockRate.toFixed(0).padStart(7)} req/s`,
        `  ratio            ${ratio.toFixed(2).padStart(7)}  (target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
      ];
    } finally {
      await bare.close();
    }
  } finally {
    await mock.close();
  }
}

async function logOn(origin: string): Promise<string> {
  const basic = Buffer.from(`${defaultCredentials.user}:${defaultCredentials.password}`).toString('base64');
  const response = await fetch(operationUrl(origin, operations.logon), { method: operations.logon.method, headers: { Authorization: `Basic ${basic}` } });
  const token = response.headers.get(api.sessionHeader);
  if (!token) throw new Error(`The mock refused the logon with ${response.status}`);
  return token;
}

/** Requests per second, the average over the run; a run with errors or non-2xx answers fails. */
async function load(url: string, token: string): Promise<number> {
  const headers = { [api.sessionHeader]: token };
  await autocannon({ url, headers, connections: LOAD.connections, duration: WARM_UP_SECONDS });
  const result = await autocannon({ url, headers, ...LOAD });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

interface Running {
  readonly url: string;
  close(): Promise<void>;
}

function startServer(data: ServerData): Promise<Running> {
  // Run from TypeScript (tsx), the worker loads this file through tsx's API.
  const self = new URL(import.meta.url);
  const worker = self.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(self.href)}, ${JSON.stringify(self.href)}))`, { eval: true, workerData: data })
    : new Worker(self, { workerData: data });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (url: string) =>
      resolve({
        url,
        close: async () => {
          worker.postMessage('close');
          await new Promise((done) => worker.once('exit', done));
        },
      }),
    );
  });
}

// In a server worker: serve, tell the parent where, stop when told.
if (!isMainThread && (workerData as ServerData | undefined)?.role === 'vbem-mock-throughput-server') {
  const data = workerData as ServerData;
  let close: () => Promise<void>;
  let url: string;
  if (data.kind === 'mock') {
    const mock = await serveMock({ state: createMockState() });
    ({ url } = mock);
    close = () => mock.close();
  } else {
    const body = Buffer.from(data.body!);
    const server = createServer((_req, res) => res.writeHead(200, data.headers).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
  }
  parentPort!.once('message', () => void close().then(() => process.exit(0)));
  parentPort!.postMessage(url);
}
