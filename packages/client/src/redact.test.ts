import { inspect } from 'node:util';
import { api, operations } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, errorResponse, fakeEm, LOGON, PASSWORD, USERNAME, xml, type Seen } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { redact } from './redact.js';

const ID = '475420ee-d045-4493-9869-0a970e08f6f9';
const BASIC = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');
const TOKEN = 'T0k3n-0f-th3-s3ss10n==';

/** Every way an error is commonly shown or shipped. */
const renderings = (error: unknown) => {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true }), String(e.cause), inspect(e.cause, { depth: Infinity })];
};
const secrets = [PASSWORD, BASIC, TOKEN];

/** A fake that issues TOKEN and lets `respond` answer the stage that misbehaves (the logon, or the resource call). */
const misbehaving = (respond: (r: Seen) => Response | Promise<Response>, stage: 'logon' | 'get') =>
  fakeEm((r, next) => {
    if (r.operation === (stage === 'logon' ? operations.logon.id : operations.getCloudFailoverSession.id)) return respond(r);
    return r.operation === operations.logon.id ? xml(201, LOGON.xml, { [api.sessionHeader]: TOKEN }) : next();
  });

const echo = (r: Seen) => `${r.headers.get('authorization')} ${r.headers.get(api.sessionHeader)} ${PASSWORD}`;

const scenarios: [string, (r: Seen) => Response | Promise<Response>, 'logon' | 'get'][] = [
  ['an Error body at logon echoing the credentials', (r) => errorResponse(401, echo(r)), 'logon'],
  ['an Error body echoing the token', (r) => errorResponse(500, echo(r)), 'get'],
  ['an HTML error page echoing the token', (r) => new Response(`<html>${echo(r)}</html>`, { status: 502 }), 'get'],
  ['a success body that is not XML and quotes the token', (r) => new Response(`oops ${echo(r)}`, { status: 200 }), 'get'],
  ['a fetch error that carries the request headers', (r) => Promise.reject(Object.assign(new Error(`failed: ${echo(r)}`, { cause: new Error(echo(r)) }), { config: { headers: echo(r) } })), 'get'],
];

describe.each(scenarios)('an error from %s', (_name, respond, stage) => {
  it('shows neither the password, the Basic credentials nor the session token', async () => {
    const em = misbehaving(respond, stage);
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, fetch: em.fetch, retries: 0 });
    const error = await client.cloudFailoverSessions.get(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const shown = renderings(error).join('\n');
    expect(shown).toContain('[redacted]');
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});

describe('the client object', () => {
  it('shows no password when inspected', () => {
    const client = createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD });
    expect(inspect(client, { depth: Infinity, showHidden: true })).not.toContain(PASSWORD);
    expect(JSON.stringify(client)).not.toContain(PASSWORD);
  });
});

describe('redact', () => {
  it('replaces every occurrence of every secret, the longest first', () => {
    expect(redact('a secret and a secret-longer one', ['secret', 'secret-longer'])).toBe('a [redacted] and a [redacted] one');
  });

  it('ignores empty secrets', () => {
    expect(redact('text', [''])).toBe('text');
  });
});

describe('redact with a short secret', () => {
  it('replaces it where it stands alone but not inside words', () => {
    expect(redact('expected x, got user:x', ['x'])).toBe('expected [redacted], got user:[redacted]');
  });
});
