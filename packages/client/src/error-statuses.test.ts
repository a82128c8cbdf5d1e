import { operations, representations, successOf, type OperationSpec } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, PASSWORD, requestBodyFor, USERNAME } from '../test/fake-em.js';
import { createClient, type VbemClient } from './create-client.js';
import { AuthenticationError, HttpError } from './errors.js';
import { methodPlans } from './method-names.js';
import { UNAUTHORIZED } from './spec-conventions.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
type AnyMethod = (...args: unknown[]) => unknown;

/** Runs the operation through the client's public surface. */
async function run(client: VbemClient, operation: OperationSpec): Promise<unknown> {
  if (operation.id === operations.logon.id) return client.logon();
  if (operation.id === operations.logoff.id) {
    await client.logon();
    return client.logoff();
  }
  const plan = methodPlans(operation)[0]!;
  const fn = (client as unknown as Record<string, Record<string, AnyMethod>>)[operation.resource]![plan.name]!;
  if (plan.paged) {
    for await (const _ of fn() as AsyncIterable<unknown>) return;
  }
  // One id, or an object naming each id of an item under its parent item.
  const ids = operation.params.length > 1 ? [Object.fromEntries(operation.params.map((p) => [p.name, ID]))] : operation.params.map(() => ID);
  return fn(...ids, ...(operation.requestBody ? [requestBodyFor(operation)] : []));
}

const cases = (Object.values(operations) as OperationSpec[]).flatMap((operation) =>
  operation.responses
    .filter((r) => r.error)
    // A logoff refused with 401 means the session is gone already: see session.test.ts.
    .filter((r) => !(operation.id === operations.logoff.id && r.status === UNAUTHORIZED))
    .map((r) => [operation.id, r.status, operation] as const),
);

describe.each(representations)('a client for %s', (representation) => {
  describe.each(cases)('%s answered with its documented error status %i', (_id, status, operation) => {
    it('rejects with an HttpError carrying the status, the operation and the Error body decoded from that representation', async () => {
      const em = fakeEm((r, next) => (r.operation === operation.id ? errorResponse(status, `Documented failure ${status}`) : next()));
      const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch: em.fetch, retries: 0 });
      const error = await run(client, operation).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(status === UNAUTHORIZED ? AuthenticationError : HttpError);
      expect(error).toMatchObject({
        status,
        operation: operation.id,
        method: operation.method,
        expected: successOf(operation).status,
        body: { Message: `Documented failure ${status}`, StatusCode: status },
      });
      expect((error as Error).message).toContain(`got ${status}`);
      expect((error as Error).message).toContain(`Documented failure ${status}`);
    });
  });
});
