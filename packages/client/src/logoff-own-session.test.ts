import { randomUUID } from 'node:crypto';
import { api, matchOperation, operations, type OperationSpec } from '@vbem/models';
import { expect, it } from 'vitest';
import { errorResponse, fakeEm, LOGON, PASSWORD, SESSION_ID, USERNAME, xml } from '../test/fake-em.js';
import { serve } from '../test/serve.js';
import { createClient, type VbemClient } from './create-client.js';
import { methodPlans } from './method-names.js';

/**
 * A fake Enterprise Manager where each logon opens a session of its own (its own SessionId and
 * token), and a logoff ends the session its URL names, whoever asks, as a server does for one user:
 * a client that deleted the wrong id would end another client's session.
 */
function sessionPerLogon() {
  /** The open sessions: token to SessionId. */
  const open = new Map<string, string>();
  const em = fakeEm((request, next) => {
    if (request.operation === api.protocol.logon) {
      const id = randomUUID();
      const token = Buffer.from(id).toString('base64');
      open.set(token, id);
      em.valid.add(token);
      return xml(201, LOGON.xml.replaceAll(SESSION_ID, id), { [api.sessionHeader]: token });
    }
    if (request.operation === api.protocol.logoff) {
      const id = matchOperation(request.method, request.url)!.params.id!;
      const token = [...open].find(([, sessionId]) => sessionId === id)?.[0];
      if (token === undefined) return errorResponse(404, 'No logon session with this id');
      open.delete(token);
      em.valid.delete(token);
      em.loggedOff.push(id);
      return new Response(null, { status: 204 });
    }
    return next();
  });
  return { em, open };
}

/** A call that needs the session: the operation the spec names for probing authentication. */
const probe = operations[api.protocol.authProbe] as OperationSpec;
const callWithSession = (client: VbemClient) => (client as unknown as Record<string, Record<string, () => Promise<unknown>>>)[probe.resource]![methodPlans(probe)[0]!.name]!();

it("logoff deletes only the client's own session: another client's, on the same server, stays open and keeps working", async () => {
  const { em, open } = sessionPerLogon();
  const server = await serve(em.fetch);
  try {
    const options = { baseUrl: server.url, username: USERNAME, password: PASSWORD };
    const a = createClient(options);
    const b = createClient(options);
    const aId = (await a.logon()).SessionId;
    const bId = (await b.logon()).SessionId;
    expect(aId).not.toBe(bId);

    await a.logoff();
    const deleted = em.seen.filter((s) => s.operation === api.protocol.logoff).map((s) => matchOperation(s.method, s.url)!.params.id);
    expect(deleted).toEqual([aId]);
    expect([...open.values()]).toEqual([bId]);

    // B goes on with its own session: no 401, no second logon.
    await expect(callWithSession(b)).resolves.toBeDefined();
    expect(em.seen.filter((s) => s.operation === api.protocol.logon)).toHaveLength(2);
    expect(em.seen.at(-1)!.headers.get(api.sessionHeader)).toBe([...open.keys()][0]);

    await b.logoff();
    expect(em.loggedOff).toEqual([aId, bId]);
    expect(open.size).toBe(0);
  } finally {
    await server.close();
  }
});
