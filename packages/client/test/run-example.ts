import { examples, formatOf, matchOperation, operations, successOf } from '@vbem/models';
import { vi } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, USERNAME, xml, type FakeEm } from './fake-em.js';
import { serve } from './serve.js';

/** The documented cloud failover session entity; it stands in for every session the examples read. */
export const SESSION_ENTITY = examples.find((e) => e.file === 'cloud-failover-session.entity.xml')!;

export interface ServedEm {
  readonly em: FakeEm;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A fake Enterprise Manager over HTTP for the example scripts: a session's Entity is the documented
 * one with the id asked for; links in every answer point at this server instead of localhost:9398.
 */
export async function serveEm(): Promise<ServedEm> {
  const documentedId = SESSION_ENTITY.params!.id!;
  let origin = '';
  const em = fakeEm(async (request, next) => {
    const match = matchOperation(request.method, request.url);
    const format = match && formatOf(request.url, successOf(match.operation).formats)?.format;
    const response = match?.operation.id === operations.getCloudFailoverSession.id && format === 'Entity' ? xml(200, SESSION_ENTITY.xml.replaceAll(documentedId, match.params.id!)) : next();
    const text = await response.text();
    return new Response(text ? text.replaceAll(BASE_URL, origin) : null, response);
  });
  const server = await serve(em.fetch);
  origin = server.url;
  return { em, url: server.url, close: () => server.close() };
}

/**
 * Runs an example script against `server` (VBEM_URL, VBEM_USERNAME, VBEM_PASSWORD, plus `env`) and
 * gives the lines it logged.
 * @example const lines = await runExample(() => import('../examples/list-sessions.js'), served);
 */
export async function runExample(script: () => Promise<unknown>, server: { url: string }, env: Record<string, string> = {}): Promise<string[]> {
  Object.assign(process.env, { VBEM_URL: server.url, VBEM_USERNAME: USERNAME, VBEM_PASSWORD: PASSWORD, ...env });
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await script();
  } finally {
    log.mockRestore();
  }
  return lines;
}
