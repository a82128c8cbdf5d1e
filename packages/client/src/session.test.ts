import { api, decode, operations, representations, successOf } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, LOGON, PASSWORD, recordingFetch, SESSION_ID, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { AuthenticationError, UnexpectedResponseError } from './errors.js';
import { UNAUTHORIZED } from './spec-conventions.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const account = { baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, retryDelayMs: 0 };
const logons = (seen: { operation: string | undefined }[]) => seen.filter((s) => s.operation === operations.logon.id).length;
const basic = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;

describe.each(representations)('in %s', (representation) => {
  const credentials = { ...account, representation };
  describe('logon', () => {
    it('happens on the first call: a POST with Basic credentials to the logon URL with v=latest', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      expect(em.seen).toHaveLength(0);
      await client.cloudFailoverSessions.get(ID);
      const [logon, get] = em.seen;
      expect(logon).toMatchObject({ method: 'POST', operation: operations.logon.id });
      expect(logon!.url.searchParams.get('v')).toBe('latest');
      expect(logon!.headers.get('authorization')).toBe(basic);
      expect(get!.headers.get(api.sessionHeader)).toBe(em.issued[0]);
    });

    it('asks for the apiVersion given', async () => {
      const em = fakeEm();
      await createClient({ ...credentials, apiVersion: 'v1_7', fetch: em.fetch }).logon();
      expect(em.seen[0]!.url.searchParams.get('v')).toBe('v1_7');
    });

    it('reads the token from the session header whatever the case of its name', async () => {
      const { fetch, seen } = recordingFetch((r) =>
        r.operation === operations.logon.id ? xml(201, LOGON.xml, { [api.sessionHeader.toLowerCase()]: 'lower-case-token' }) : xml(200, '', {}),
      );
      await createClient({ ...credentials, fetch }).cloudFailoverSessions.get(ID).catch(() => undefined);
      expect(seen[1]!.headers.get(api.sessionHeader)).toBe('lower-case-token');
    });

    it('happens exactly once for ten calls started together before it', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await Promise.all(Array.from({ length: 10 }, () => client.cloudFailoverSessions.get(ID)));
      expect(logons(em.seen)).toBe(1);
      expect(em.seen).toHaveLength(11);
    });

    it('rejects every waiting call when it fails, and the next call logs on again', async () => {
      let refuse = true;
      const em = fakeEm((r, next) => (r.operation === operations.logon.id && refuse ? errorResponse(UNAUTHORIZED, 'Bad credentials') : next()));
      const client = createClient({ ...credentials, fetch: em.fetch });
      const results = await Promise.allSettled(Array.from({ length: 3 }, () => client.cloudFailoverSessions.get(ID)));
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(logons(em.seen)).toBe(1);
      refuse = false;
      await client.cloudFailoverSessions.get(ID);
      expect(logons(em.seen)).toBe(2);
    });

    it('gives an AuthenticationError for refused credentials, sent once', async () => {
      const em = fakeEm((r, next) => (r.operation === operations.logon.id ? errorResponse(UNAUTHORIZED, 'The user name or password is incorrect') : next()));
      const error = await createClient({ ...credentials, fetch: em.fetch }).logon().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: UNAUTHORIZED, operation: operations.logon.id, expected: successOf(operations.logon).status, body: { Message: 'The user name or password is incorrect' } });
      expect(em.seen).toHaveLength(1);
    });

    it('fails with UnexpectedResponseError when the session header is missing', async () => {
      const { fetch } = recordingFetch(() => xml(201, LOGON.xml));
      const error = await createClient({ ...credentials, fetch }).logon().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect((error as Error).message).toContain(api.sessionHeader);
    });

    it('returns the LogonSession and does not log on a second time when called again', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      expect(await client.logon()).toEqual(decode('LogonSession', LOGON.xml));
      await client.logon();
      expect(logons(em.seen)).toBe(1);
    });
  });

  describe('an expired session (401 on a resource call)', () => {
    it('is renewed by one logon, and the call is retried once and succeeds', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await client.cloudFailoverSessions.get(ID);
      em.valid.clear();
      await expect(client.cloudFailoverSessions.get(ID)).resolves.toMatchObject({ Name: 'ABC Company Failover Plan' });
      expect(em.seen.map((s) => s.operation)).toEqual(['logon', 'getCloudFailoverSession', 'getCloudFailoverSession', 'logon', 'getCloudFailoverSession']);
      expect(em.seen.at(-1)!.headers.get(api.sessionHeader)).toBe(em.issued[1]);
    });

    it('is renewed once for all calls refused with the same token', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await client.logon();
      em.valid.clear();
      await Promise.all(Array.from({ length: 5 }, () => client.cloudFailoverSessions.get(ID)));
      expect(logons(em.seen)).toBe(2);
    });

    it('gives an AuthenticationError, not a loop, when the new session is refused too', async () => {
      const em = fakeEm((r, next) => (r.operation === operations.getCloudFailoverSession.id ? errorResponse(UNAUTHORIZED) : next()));
      const error = await createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get(ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(em.seen.map((s) => s.operation)).toEqual(['logon', 'getCloudFailoverSession', 'logon', 'getCloudFailoverSession']);
    });

    it('gives an AuthenticationError with no logon attempt when the client has only a sessionId', async () => {
      const em = fakeEm();
      const error = await createClient({ baseUrl: BASE_URL, sessionId: 'borrowed-token', representation, fetch: em.fetch }).cloudFailoverSessions.get(ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(em.seen.map((s) => s.operation)).toEqual(['getCloudFailoverSession']);
    });
  });

  describe('a client given a sessionId', () => {
    it('sends that token and never logs on', async () => {
      const em = fakeEm();
      em.valid.add('borrowed-token');
      const client = createClient({ baseUrl: BASE_URL, sessionId: 'borrowed-token', representation, fetch: em.fetch });
      await client.cloudFailoverSessions.get(ID);
      expect(em.seen.map((s) => [s.operation, s.headers.get(api.sessionHeader), s.headers.get('authorization')])).toEqual([['getCloudFailoverSession', 'borrowed-token', null]]);
      await expect(client.logon()).rejects.toThrow(TypeError);
    });

    it('leaves the session to its owner on logoff', async () => {
      const em = fakeEm();
      em.valid.add('borrowed-token');
      const client = createClient({ baseUrl: BASE_URL, sessionId: 'borrowed-token', representation, fetch: em.fetch });
      await client.cloudFailoverSessions.get(ID);
      await client.logoff();
      expect(em.seen.map((s) => s.operation)).toEqual(['getCloudFailoverSession']);
    });
  });

  describe('logoff', () => {
    it("deletes the client's own logon session, by the SessionId of its LogonSession, with its token", async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await client.cloudFailoverSessions.get(ID);
      await client.logoff();
      const request = em.seen.at(-1)!;
      expect(request).toMatchObject({ method: 'DELETE', operation: operations.logoff.id });
      expect(request.headers.get(api.sessionHeader)).toBe(em.issued[0]);
      expect(em.loggedOff).toEqual([SESSION_ID]);
      expect(em.valid.size).toBe(0);
    });

    it('sends nothing when the client never logged on', async () => {
      const em = fakeEm();
      await createClient({ ...credentials, fetch: em.fetch }).logoff();
      expect(em.seen).toHaveLength(0);
    });

    it('waits for a logon in flight and then deletes that session', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      const call = client.cloudFailoverSessions.get(ID);
      await client.logoff();
      await call.catch(() => undefined);
      expect(em.loggedOff).toEqual([SESSION_ID]);
    });

    it('resolves when the session has expired already (401)', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await client.logon();
      em.valid.clear();
      await expect(client.logoff()).resolves.toBeUndefined();
      expect(logons(em.seen)).toBe(1);
    });

    it('is followed by a new logon on the next call', async () => {
      const em = fakeEm();
      const client = createClient({ ...credentials, fetch: em.fetch });
      await client.logon();
      await client.logoff();
      await client.cloudFailoverSessions.get(ID);
      expect(em.seen.map((s) => s.operation)).toEqual(['logon', 'logoff', 'logon', 'getCloudFailoverSession']);
    });

    it('happens when an `await using` client goes out of scope', async () => {
      const em = fakeEm();
      {
        await using client = createClient({ ...credentials, fetch: em.fetch });
        await client.cloudFailoverSessions.get(ID);
        expect(em.loggedOff).toEqual([]);
      }
      expect(em.loggedOff).toEqual([SESSION_ID]);
    });
  });
});
