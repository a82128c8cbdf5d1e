import { randomBytes, randomUUID } from 'node:crypto';
import { api, matchOperation, operations, operationUrl, withFormat, type LogonSession, type QueryResult } from '@vbem/models';
import { carriersOf, type Carrier } from '../checks/carriers-of.js';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError } from '../errors.js';
import type { Exchange, Probe } from '../exchange.js';
import { ExchangeRecorder } from '../record/exchange-recorder.js';
import { Redactor } from '../redactor.js';
import { locationHeader, logonStatus } from '../spec-facts.js';
import { understand } from '../understand.js';
import { assertSafeRequest } from './assert-safe-request.js';
import { followSample } from './follow-sample.js';
import { pageSizeParam } from './page-size-param.js';
import { pickSample } from './pick-sample.js';
import { formatsOf, listOperations, queryOperations } from './target-plan.js';

export interface ServerTargetOptions {
  /** The Enterprise Manager base URL, such as `https://em.example:9398` (required). */
  readonly baseUrl: string;
  /** The user the run logs on as (required). */
  readonly username: string;
  /** The user's password: sent to logon only, never recorded or printed (required). */
  readonly password: string;
  /** How many sessions to fetch in both forms, following their links. (default: 5) */
  readonly sample?: number;
  /** The time limit of each request, in milliseconds. (default: 30000) */
  readonly timeoutMs?: number;
  /** Stops the run between requests; the target still logs off before it returns. (default: none) */
  readonly signal?: AbortSignal;
  /** Scrubs secrets from what is recorded; the password and session are added to it. (default: a new one) */
  readonly redactor?: Redactor;
}

interface Session {
  readonly token: string;
  readonly id?: string;
}

interface Step {
  readonly exchange?: Exchange;
  readonly value?: unknown;
  readonly headers?: Headers;
}

/**
 * Runs the documented, read-only requests against a live Enterprise Manager while an MSW
 * interceptor records each exchange: the entry point, a logon with a wrong password, the logon,
 * its own logon session, the negative auth cases, every collection in every format, the query
 * service, the Ref and Entity forms of a sample of K sessions and the links they carry, the
 * logoff of its own session, and a request after it. It sends no POST but logon and no DELETE
 * but its own logoff, and logs off even when a step throws or the signal aborts.
 * @throws {TargetUnreachableError} when the entry point cannot be reached.
 * @throws {LogonRefusedError} when the logon is refused.
 * @throws {RunInterruptedError} when the signal aborted the run (after logging off).
 * @example await runServerTarget({ baseUrl: 'https://em:9398', username, password }, (e) => seen.push(e))
 */
export async function runServerTarget(options: ServerTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<void> {
  const base = new URL(options.baseUrl);
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.password);
  const sample = options.sample ?? 5;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const recorder = new ExchangeRecorder({ redactor, origin: base.origin });
  const fetched = new Set<string>();
  const ownSessionIds = new Set<string>();
  let session: Session | undefined;

  const send = async (method: string, url: URL, how: { probe?: Probe; token?: string; password?: string; abortable?: boolean } = {}): Promise<Step> => {
    if (how.abortable !== false) options.signal?.throwIfAborted();
    assertSafeRequest(method, url, ownSessionIds);
    const headers: Record<string, string> = { accept: api.mediaType, 'accept-encoding': 'identity' };
    if (how.token !== undefined) headers[api.sessionHeader] = how.token;
    if (how.password !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.username}:${how.password}`).toString('base64')}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = how.abortable !== false && options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    if (method === 'GET') fetched.add(url.href);
    const observed = await recorder.observe({ probe: how.probe }, async () => {
      const response = await fetch(url, { method, headers, redirect: 'manual', signal });
      await response.arrayBuffer();
      return response.headers;
    });
    for (const exchange of observed.exchanges) await onExchange(exchange);
    if (how.abortable !== false) options.signal?.throwIfAborted();
    const exchange = observed.exchanges.at(-1);
    return { exchange, value: exchange ? understand(exchange).value : undefined, headers: observed.value };
  };
  const get = (url: URL, probe?: Probe) => send('GET', url, { probe, token: probe === 'no-session' ? undefined : session?.token });

  const logon = async (password: string, probe?: Probe): Promise<Session | undefined> => {
    const url = operationUrl(base, operations.logon);
    const step = await send('POST', url, { password, probe });
    const token = step.headers?.get(api.sessionHeader) ?? undefined;
    if (step.exchange?.response?.status !== logonStatus || token === undefined) {
      if (probe) return undefined;
      const status = step.exchange?.response?.status;
      throw new LogonRefusedError(url.href, status, status === undefined ? (step.exchange?.error ?? 'no answer') : `${status} ${token === undefined && status === logonStatus ? 'without a session header' : ''}`.trim());
    }
    redactor.add(token);
    const id = (step.value as LogonSession | undefined)?.SessionId ?? sessionIdOf(locationHeader && step.headers?.get(locationHeader));
    redactor.add(id);
    if (id !== undefined) ownSessionIds.add(id);
    return { token, id };
  };

  const logoff = async (s: Session): Promise<boolean> => {
    if (s.id === undefined) return false;
    const step = await send('DELETE', operationUrl(base, operations.logoff, { id: s.id }), { token: s.token, abortable: false });
    return step.exchange?.response !== undefined && step.exchange.response.status < 300;
  };

  recorder.start();
  let loggedOff = false;
  try {
    try {
      const entry = await send('GET', operationUrl(base, operations.getEntryPoint));
      if (!entry.exchange?.response) throw new TargetUnreachableError(base.href, entry.exchange?.error ?? 'no answer');

      const intruder = await logon(randomUUID(), 'wrong-password');
      if (intruder) await logoff(intruder);

      session = await logon(options.password);
      if (session?.id !== undefined) await get(operationUrl(base, operations.getLogonSession, { id: session.id }));

      const probeTarget = listOperations[0];
      if (probeTarget) {
        await get(operationUrl(base, probeTarget), 'no-session');
        await send('GET', operationUrl(base, probeTarget), { probe: 'invalid-session', token: randomBytes(16).toString('base64') });
      }

      const samples: Carrier[] = [];
      for (const op of listOperations) {
        for (const format of formatsOf(op)) {
          const step = await get(withFormat(operationUrl(base, op), format));
          if (format === 'default' && step.value !== undefined) {
            const root = understand(step.exchange!).representation!.root;
            samples.push(...pickSample(carriersOf(step.value, root), sample));
          }
        }
      }

      for (const op of queryOperations) {
        const pageSize = pageSizeParam(op);
        for (const format of formatsOf(op)) {
          const url = withFormat(operationUrl(base, op, {}, pageSize ? { [pageSize.name]: Math.max(sample, 1) } : {}), format);
          const step = await get(url);
          const next = (step.value as QueryResult | undefined)?.PagingInfo?.Links?.find((l) => l.Rel === 'Next');
          if (format === 'default' && next && URL.canParse(next.Href) && new URL(next.Href).origin === base.origin) await get(new URL(next.Href));
        }
      }

      await followSample(samples, { origin: base.origin, fetched, get });
    } finally {
      if (session) loggedOff = await logoff(session);
    }
    if (loggedOff && session && listOperations[0]) await send('GET', operationUrl(base, listOperations[0]), { probe: 'after-logoff', token: session.token });
  } catch (error) {
    if (options.signal?.aborted) throw new RunInterruptedError(loggedOff);
    throw error;
  } finally {
    recorder.stop();
  }
}

/** The logon session id in a logon response's Location (the id of the logon session URL). */
function sessionIdOf(location: string | null | undefined): string | undefined {
  if (!location || !URL.canParse(location)) return undefined;
  const match = matchOperation('GET', new URL(location));
  return match?.operation.id === operations.getLogonSession.id ? Object.values(match.params)[0] : undefined;
}
