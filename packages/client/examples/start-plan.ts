/**
 * Starts a cloud failover plan, waits for its task, and prints the cloud failover session it started.
 *
 *   VBEM_URL=https://em.example.com:9398 VBEM_USERNAME='DOMAIN\user' VBEM_PASSWORD=… \
 *   VBEM_CA=em-certificate.pem VBEM_PLAN_ID=<plan id> npx tsx examples/start-plan.ts
 */
import { readFileSync } from 'node:fs';
import { createClient, linkOf, TaskFailedError } from '@vbem/client';

const { VBEM_URL, VBEM_USERNAME, VBEM_PASSWORD, VBEM_CA, VBEM_PLAN_ID: planId } = process.env;
if (!VBEM_URL || !VBEM_USERNAME || !VBEM_PASSWORD || !planId) throw new Error('Set VBEM_URL, VBEM_USERNAME, VBEM_PASSWORD and VBEM_PLAN_ID (and VBEM_CA for a self-signed certificate)');

await using client = createClient({
  baseUrl: VBEM_URL,
  username: VBEM_USERNAME,
  password: VBEM_PASSWORD,
  ...(VBEM_CA ? { ca: readFileSync(VBEM_CA, 'utf8') } : {}),
});

try {
  const started = await client.cloudCloudFailoverPlans.start(planId, { StartNow: true }); // 202: the Task
  const task = await client.tasks.wait(started, { timeoutMs: 30 * 60_000 }); // polls every second
  const related = linkOf(task, 'Related');
  if (related) {
    const session = await client.follow(related);
    console.log(`${task.Operation}: ${task.State}; session ${'Name' in session ? session.Name : related.Href}`);
  } else console.log(`${task.Operation}: ${task.State}`);
} catch (error) {
  if (error instanceof TaskFailedError) console.error(`The plan did not start: ${error.task.Result?.Message ?? 'no message'}`);
  throw error;
}
// Leaving the scope of `await using` logs off.
