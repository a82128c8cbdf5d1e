import { api, examples, formatOf, matchOperation, operations, successOf } from '@vbem/models';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, USERNAME, xml, type FakeEm } from './fake-em.js';
import { serve, type Served } from './serve.js';

const entity = examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!;
const plan = examples.find((e) => e.type === 'CloudFailoverPlan')!;

let em: FakeEm;
let server: Served;
beforeAll(async () => {
  let origin = '';
  em = fakeEm(async (request, next) => {
    const match = matchOperation(request.method, request.url);
    const format = match && formatOf(request.url, successOf(match.operation).formats)?.format;
    const response = match?.operation.id === operations.getCloudFailoverSession.id && format === 'Entity' ? xml(200, entity.xml) : next();
    const text = await response.text();
    return new Response(text ? text.replaceAll(BASE_URL, origin) : null, response);
  });
  server = await serve(em.fetch);
  origin = server.url;
});
afterAll(() => server.close());

it('examples/start-plan.ts starts the plan, waits for its task, follows its Related link and logs off', async () => {
  Object.assign(process.env, { VBEM_URL: server.url, VBEM_USERNAME: USERNAME, VBEM_PASSWORD: PASSWORD, VBEM_PLAN_ID: plan.params!.id! });
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await import('../examples/start-plan.js');
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual([expect.stringMatching(/^StartCloudFailoverPlan: Finished; session ABC Company Failover Plan$/)]);
  expect(em.seen.map((s) => s.operation)).toEqual([api.protocol.logon, operations.startCloudFailoverPlan.id, api.protocol.task, operations.getCloudFailoverSession.id, api.protocol.logoff]);
}, 20_000);
