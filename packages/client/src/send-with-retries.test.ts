import { operations } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, PASSWORD, USERNAME, type Seen } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { HttpError, NetworkError, TimeoutError } from './errors.js';
import { SERVICE_UNAVAILABLE } from './spec-conventions.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const credentials = { baseUrl: BASE_URL, username: USERNAME, password: PASSWORD };
const attempts = (seen: Seen[], id: string) => seen.filter((s) => s.operation === id).length;

/** A fake whose answers to `operation` come from `plan` in turn (then the documented example). */
function failing(operation: string, plan: ('network' | 'unavailable')[]) {
  const times: number[] = [];
  const em = fakeEm((r, next) => {
    if (r.operation !== operation) return next();
    times.push(performance.now());
    const step = plan.shift();
    if (step === 'network') throw new TypeError('fetch failed: ECONNRESET');
    return step === 'unavailable' ? errorResponse(SERVICE_UNAVAILABLE, 'Service Unavailable') : next();
  });
  return { em, times };
}

describe('retries', () => {
  it('send a GET again after network errors, waiting longer each time, and succeed', async () => {
    const { em, times } = failing(operations.getCloudFailoverSession.id, ['network', 'network']);
    const client = createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 20 });
    await expect(client.cloudFailoverSessions.get(ID)).resolves.toMatchObject({ UID: expect.stringContaining(ID) });
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(19);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(39);
  });

  it('send a GET again after a 503', async () => {
    const { em } = failing(operations.getCloudFailoverSession.id, ['unavailable', 'unavailable']);
    await createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 1 }).cloudFailoverSessions.get(ID);
    expect(attempts(em.seen, operations.getCloudFailoverSession.id)).toBe(3);
  });

  it('stop after `retries` extra attempts with the last failure', async () => {
    const { em } = failing(operations.getCloudFailoverSession.id, ['network', 'network', 'network', 'network']);
    const error = await createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 1, retries: 1 }).cloudFailoverSessions.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/expected a response, got a network failure \(TypeError: fetch failed: ECONNRESET\)/);
    expect(attempts(em.seen, operations.getCloudFailoverSession.id)).toBe(2);
  });

  it('give the 503 as an HttpError once they are used up', async () => {
    const { em } = failing(operations.getCloudFailoverSession.id, ['unavailable', 'unavailable', 'unavailable']);
    const error = await createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 1 }).cloudFailoverSessions.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: SERVICE_UNAVAILABLE });
    expect(attempts(em.seen, operations.getCloudFailoverSession.id)).toBe(3);
  });

  it('never happen for the logon POST, after a network error or a 503', async () => {
    for (const step of ['network', 'unavailable'] as const) {
      const { em } = failing(operations.logon.id, [step, step]);
      await expect(createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 1 }).logon()).rejects.toThrow(step === 'network' ? NetworkError : HttpError);
      expect(attempts(em.seen, operations.logon.id)).toBe(1);
    }
  });

  it('never happen for the logoff DELETE', async () => {
    const { em } = failing(operations.logoff.id, ['unavailable', 'unavailable']);
    const client = createClient({ ...credentials, fetch: em.fetch, retryDelayMs: 1 });
    await client.logon();
    await expect(client.logoff()).rejects.toThrow(HttpError);
    expect(attempts(em.seen, operations.logoff.id)).toBe(1);
  });
});

describe('timeouts', () => {
  const hanging = (what: 'headers' | 'body') =>
    fakeEm((r, next) => {
      if (r.operation !== operations.getCloudFailoverSession.id) return next();
      if (what === 'headers') return new Promise<Response>(() => undefined);
      return new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }), { status: 200 });
    });

  it('give a TimeoutError when no response comes within timeoutMs, without retrying', async () => {
    const em = hanging('headers');
    // The injected fetch honours the abort signal only as real fetch does: by rejecting.
    const fetch: typeof em.fetch = (url, init) =>
      Promise.race([em.fetch(url, init), new Promise<never>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)))]);
    const error = await createClient({ ...credentials, fetch, timeoutMs: 1000 }).cloudFailoverSessions.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1000, operation: operations.getCloudFailoverSession.id });
    expect((error as Error).message).toMatch(/expected a complete response within 1000 ms, got none/);
    expect(attempts(em.seen, operations.getCloudFailoverSession.id)).toBe(1);
  });

  it('cover the body too: a body that stalls gives a TimeoutError', async () => {
    const em = hanging('body');
    await expect(createClient({ ...credentials, fetch: em.fetch, timeoutMs: 1000 }).cloudFailoverSessions.get(ID)).rejects.toThrow(TimeoutError);
  });

  it("yield to the caller's abort signal, whose reason is thrown as it is", async () => {
    const em = hanging('body');
    const controller = new AbortController();
    const reason = new Error('user gave up');
    setTimeout(() => controller.abort(reason), 20);
    await expect(createClient({ ...credentials, fetch: em.fetch }).cloudFailoverSessions.get(ID, { signal: controller.signal })).rejects.toBe(reason);
  });
});
