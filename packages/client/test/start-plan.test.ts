import { api, examples, operations } from '@vbem/models';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runExample, serveEm, type ServedEm } from './run-example.js';

const plan = examples.find((e) => e.type === 'CloudFailoverPlan')!;

let served: ServedEm;
beforeAll(async () => {
  served = await serveEm();
});
afterAll(() => served.close());

it('examples/start-plan.ts starts the plan, waits for its task, follows its Related link and logs off', async () => {
  const lines = await runExample(() => import('../examples/start-plan.js'), served, { VBEM_PLAN_ID: plan.params!.id! });
  expect(lines).toEqual([expect.stringMatching(/^StartCloudFailoverPlan: Finished; session ABC Company Failover Plan$/)]);
  expect(served.em.seen.map((s) => s.operation)).toEqual([api.protocol.logon, operations.startCloudFailoverPlan.id, api.protocol.task, operations.getCloudFailoverSession.id, api.protocol.logoff]);
}, 20_000);
