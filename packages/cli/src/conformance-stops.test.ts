import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandlers, createMockState, nodeListener } from '@vbem/mock';
import { builtinModel as model, operationUrl } from '@vbem/models';
import { afterEach, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { main } from './main.js';

const PASSWORD = 'stalled-test-password';
const { protocol } = model.api;
const pathOf = (id: string) => operationUrl('http://x', model.operations[id]!, { id: 'x' }, {}, model).pathname;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

/** The fake for the entry point, the logon and the logoff; silent for every other request. */
async function stopsAnsweringAfterLogon() {
  const state = createMockState({ entities: 2, users: { svc: PASSWORD } });
  const fake = nodeListener(createHandlers(state));
  const answered = new Set([pathOf(protocol.entryPoint), pathOf(protocol.logon)]);
  const silent: string[] = [];
  server = createServer((req, res) => {
    if (req.method === 'DELETE' || answered.has(new URL(req.url ?? '/', 'http://x').pathname)) return fake(req, res);
    silent.push(`${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, state, silent };
}

it('stops after --max-transport-failures requests in a row got no answer within --timeout, logs off and exits 1 with the reason', async () => {
  const stalled = await stopsAnsweringAfterLogon();
  const out: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) }, env: { VBEM_PASSWORD: PASSWORD }, signal: new AbortController().signal };
  const argv = ['conformance', '--base-url', stalled.url, '--username', 'svc', '--timeout', '3000', '--max-transport-failures', '2', '--reporter', 'json'];
  expect(await main(argv, io)).toBe(1);
  expect(stalled.silent).toHaveLength(2);
  expect(stalled.state.logons.size).toBe(0);
  const report = JSON.parse(out.join('')) as { results: { check: string; status: string; message: string }[] };
  expect(report.results.filter((r) => r.status === 'failed' && r.message.includes('the run stopped here'))).toMatchObject([{ check: 'transport.stopped', message: expect.stringContaining('got 2 requests in a row') }]);
}, 60_000);

it('refuses a --max-transport-failures of 0 with one usage line', async () => {
  const err: string[] = [];
  const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: (s: string) => err.push(s) }, env: {} };
  expect(await main(['conformance', '--max-transport-failures', '0'], io)).toBe(2);
  expect(err.join('')).toBe("vbem conformance: --max-transport-failures: expected a whole number from 1, got '0' (see --help)\n");
});
