import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  decode,
  NamespaceError,
  operations,
  operationUrl,
  RootElementError,
  TruncatedXmlError,
  type CodecIssue,
} from '@vbem/models';
import { request } from 'node:http';
import { createMockState } from './create-mock-state.js';
import type { Corruption } from './fault.js';
import { serveMock, type MockServer, type ServeMockOptions } from './serve-mock.js';
import { getWith, logOn } from './test-support/http-session.js';

const id = '475420ee-d045-4493-9869-0a970e08f6f9';
const options: ServeMockOptions = { state: createMockState({ entities: 3 }) };
let mock: MockServer;
let token = '';
let list: URL;
let entity: URL;

beforeAll(async () => {
  mock = await serveMock(options);
  token = (await logOn(mock.url)).token;
  list = operationUrl(mock.url, operations.listCloudFailoverSessions);
  entity = operationUrl(mock.url, operations.getCloudFailoverSession, { id }, { format: 'Entity' });
});
afterEach(() => {
  delete options.faults;
  delete options.auth;
});
afterAll(() => mock.close());

const issuesOf = (fn: () => unknown): readonly CodecIssue[] => {
  try {
    fn();
  } catch (error) {
    return (error as { issues: CodecIssue[] }).issues;
  }
  throw new Error('decoded without error');
};

describe('transport faults', () => {
  it('waits latencyMs before answering', async () => {
    options.faults = { listCloudFailoverSessions: { latencyMs: 120 } };
    const started = performance.now();
    expect((await getWith(token, list)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('forces a status with an Error body whose StatusCode is that status', async () => {
    options.faults = { listCloudFailoverSessions: { status: 500 } };
    const response = await getWith(token, list);
    expect(response.status).toBe(500);
    expect(decode('ErrorBody', await response.text()).StatusCode).toBe(500);
  });

  it('drops the connection for reset', async () => {
    options.faults = { listCloudFailoverSessions: { reset: true } };
    await expect(getWith(token, list)).rejects.toThrow(TypeError);
  });

  it('sends half the body, with a matching Content-Length, for truncate', async () => {
    options.faults = { listCloudFailoverSessions: { truncate: true } };
    const response = await getWith(token, list);
    const text = await response.text();
    expect(response.headers.get('Content-Length')).toBe(String(Buffer.byteLength(text)));
    expect(() => decode('EntityReferences', text)).toThrow(TruncatedXmlError);
  });

  it('sends the contentType asked for', async () => {
    options.faults = { listCloudFailoverSessions: { contentType: 'text/html' } };
    expect((await getWith(token, list)).headers.get('Content-Type')).toBe('text/html');
  });

  it('leaves Content-Length out and sends the body chunked for omitContentLength', async () => {
    options.faults = { listCloudFailoverSessions: { omitContentLength: true } };
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = request(list, { headers: { [api.sessionHeader]: token } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
      });
      req.on('error', reject).end();
    });
    expect(headers['content-length']).toBeUndefined();
    expect(headers['transfer-encoding']).toBe('chunked');
  });

  it('applies a fault only to the first requests with times', async () => {
    options.faults = { listCloudFailoverSessions: { status: 503, times: 1 } };
    expect((await getWith(token, list)).status).toBe(503);
    expect((await getWith(token, list)).status).toBe(200);
  });

  it('rewrites the body with mutate', async () => {
    options.faults = { listCloudFailoverSessions: { mutate: (xml, { operation }) => xml.replace('ABC Company', `${operation.id}!`) } };
    expect(await (await getWith(token, list)).text()).toContain('listCloudFailoverSessions!');
  });
});

describe('body corruptions the codec catches', () => {
  const corrupted = async (corrupt: Corruption, url: URL) => {
    options.faults = { getCloudFailoverSession: { corrupt }, listCloudFailoverSessions: { corrupt } };
    return (await getWith(token, url)).text();
  };

  it('puts the document element in another namespace for wrong-namespace', async () => {
    const xml = await corrupted('wrong-namespace', list);
    expect(() => decode('EntityReferences', xml)).toThrow(NamespaceError);
  });

  it('sends another document element for wrong-root', async () => {
    const xml = await corrupted('wrong-root', list);
    expect(() => decode('EntityReferences', xml)).toThrow(RootElementError);
  });

  it('leaves the UIDs out for missing-uid', async () => {
    const xml = await corrupted('missing-uid', list);
    expect(issuesOf(() => decode('EntityReferences', xml))).toContainEqual(expect.objectContaining({ path: '/EntityReferences/Ref[1]/@UID', code: 'missing' }));
  });

  it('sends bare ids as UIDs for malformed-uid', async () => {
    const xml = await corrupted('malformed-uid', list);
    expect(issuesOf(() => decode('EntityReferences', xml))).toContainEqual(expect.objectContaining({ path: '/EntityReferences/Ref[1]/@UID', code: 'value' }));
  });

  it('leaves the Alternate links out for missing-alternate-link', async () => {
    const refs = decode('EntityReferences', await corrupted('missing-alternate-link', list)).Ref;
    expect(refs.flatMap((r) => r.Links ?? []).map((l) => l.Rel)).not.toContain('Alternate');
    expect(refs[0]?.Links?.map((l) => l.Rel)).toEqual(['Up']);
  });

  it('points the Alternate links at nothing for broken-alternate-link', async () => {
    const refs = decode('EntityReferences', await corrupted('broken-alternate-link', list)).Ref;
    delete options.faults;
    const alternate = refs[0]!.Links!.find((l) => l.Rel === 'Alternate')!;
    expect((await getWith(token, alternate.Href)).status).toBe(404);
  });

  it('swaps two elements of an entity for swapped-element-order', async () => {
    const xml = await corrupted('swapped-element-order', entity);
    expect(issuesOf(() => decode('CloudFailoverSession', xml))).toContainEqual(expect.objectContaining({ code: 'order' }));
  });

  it('writes a date that is no date for bad-date', async () => {
    const xml = await corrupted('bad-date', entity);
    expect(issuesOf(() => decode('CloudFailoverSession', xml))).toContainEqual(
      expect.objectContaining({ path: '/CloudFailoverSession/CreationTimeUTC', code: 'value' }),
    );
  });

  it('applies several corruptions at once', async () => {
    options.faults = { getCloudFailoverSession: { corrupt: ['bad-date', 'missing-uid'] } };
    const xml = await (await getWith(token, entity)).text();
    const codes = issuesOf(() => decode('CloudFailoverSession', xml)).map((i) => `${i.path} ${i.code}`);
    expect(codes).toEqual(expect.arrayContaining(['/CloudFailoverSession/@UID missing', '/CloudFailoverSession/CreationTimeUTC value']));
  });

  it('leaves the body intact without faults', async () => {
    const xml = await (await getWith(token, entity)).text();
    expect(decode('CloudFailoverSession', xml, { strict: true }).UID).toContain(id);
  });
});

describe('authentication switches', () => {
  it('serves session operations without a session when auth.enforce is false', async () => {
    options.auth = { enforce: false };
    expect((await fetch(list)).status).toBe(200);
    const { response } = await logOn(mock.url, 'nobody', 'nothing');
    expect(response.status).toBe(201);
  });

  it('keeps the session alive after a 204 logoff when auth.logoffEnforced is false', async () => {
    options.auth = { logoffEnforced: false };
    const { response, token: own } = await logOn(mock.url);
    const { SessionId } = decode('LogonSession', await response.text());
    const logoff = await fetch(operationUrl(mock.url, operations.logoff, { id: SessionId }), { method: operations.logoff.method, headers: { [api.sessionHeader]: own } });
    expect(logoff.status).toBe(204);
    expect((await getWith(own, list)).status).toBe(200);
  });
});
