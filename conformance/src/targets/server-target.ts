import { randomBytes, randomUUID } from 'node:crypto';
import { builtinModel, decodeIn, logonSessionIdOf, formatOf, matchOperation, operationUrl, successOf, withFormat, type ApiModel, type Link, type LogonSession, type QueryResult } from '@vbem/models';
import { carriersOf, type Carrier } from '../checks/carriers-of.js';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError } from '../errors.js';
import type { Exchange, Probe } from '../exchange.js';
import { DEFAULT_MAX_BODY_BYTES, ExchangeRecorder } from '../record/exchange-recorder.js';
import { readBody } from '../record/read-body.js';
import { Redactor } from '../redactor.js';
import { locationHeader, logonStatus } from '../spec-facts.js';
import { understand } from '../understand.js';
import { assertSafeRequest } from './assert-safe-request.js';
import { followSample } from './follow-sample.js';
import { pickSample } from './pick-sample.js';
import { isItem, planProbes, type PlannedProbe, type PlannedSkip } from './plan-probes.js';

export interface ServerTargetOptions {
  /** The Enterprise Manager base URL, such as `https://em.example:9398` (required). */
  readonly baseUrl: string;
  /** The user the run logs on as (required). */
  readonly username: string;
  /** The user's password: sent to logon only, never recorded or printed (required). */
  readonly password: string;
  /** How many items of each collection are fetched in every format, following their links. (default: 5) */
  readonly sample?: number;
  /** The time limit of each request, in milliseconds. (default: 30000) */
  readonly timeoutMs?: number;
  /** Bytes of each response body read at most; a longer body is cut and its exchange fails `transport`. (default: 16 MiB) */
  readonly maxBodyBytes?: number;
  /** Stops the run between requests; the target still logs off before it returns. (default: none) */
  readonly signal?: AbortSignal;
  /** Scrubs secrets from what is recorded; the password and session are added to it. (default: a new one) */
  readonly redactor?: Redactor;
  /** The operation table the run is planned from. (default: the built-in model) */
  readonly model?: ApiModel;
  /** Send the state-changing operations too: only for the built-in fake a run started itself. (default: false) */
  readonly allowWrites?: boolean;
  /** Send the deliberate wrong-password logon (it may count towards an account lockout). (default: false) */
  readonly probeBadPassword?: boolean;
  /** Other origins that are the same server: their hrefs are followed (rewritten to the base URL's origin). (default: none) */
  readonly sameOrigins?: readonly string[];
}

/** A check the target could not give a verdict on, and why (the wrong-password logon not sent). */
export interface SkippedCheck {
  readonly check: string;
  readonly operation: string;
  readonly reason: string;
  readonly request: { readonly method: string; readonly url: string };
}

/** What the server target leaves out, besides the exchanges it reports: coverage material. */
export interface ServerTargetOutcome {
  /** Operations (or probes of them) not sent, and why. */
  readonly skipped: readonly PlannedSkip[];
  readonly skippedChecks: readonly SkippedCheck[];
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

/** How many times an action's Task is polled before the run stops waiting. */
const TASK_POLLS = 20;
/** The wait before each poll: none before the first (the built-in fake finishes a task by the next request), then doubling from 10 ms up to a second. */
const taskPollDelayMs = (poll: number) => (poll === 0 ? 0 : Math.min(1000, 10 * 2 ** (poll - 1)));

/** Why the wrong-password logon was not sent to a live server. */
export const BAD_PASSWORD_SKIPPED = 'not sent to a live server: a wrong password may count towards locking the account (ask with probeBadPassword / --probe-bad-password)';

/**
 * Runs the probes planned from the operation table (planProbes) against an Enterprise Manager
 * while an MSW interceptor records each exchange: the entry point, (when asked) a logon with a
 * wrong password, the logon, its own logon session, the negative auth cases, the planned probes,
 * the logoff of its own session, and a request after it. It sends no POST but logon and no DELETE
 * but its own logoff (and the planned actions only with allowWrites), and logs off even when a
 * step throws or the signal aborts. A logon answered without a session is a finding, not a crash:
 * what needs a session is reported skipped.
 * @throws {TargetUnreachableError} when the entry point cannot be reached.
 * @throws {LogonRefusedError} when the logon is refused (an error status).
 * @throws {RunInterruptedError} when the signal aborted the run (after logging off).
 * @example await runServerTarget({ baseUrl: 'https://em:9398', username, password }, (e) => seen.push(e))
 */
export async function runServerTarget(options: ServerTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<ServerTargetOutcome> {
  const model = options.model ?? builtinModel;
  const protocol = model.api.protocol;
  const op = (id: string) => model.operations[id]!;
  const base = new URL(options.baseUrl);
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.password);
  const sample = options.sample ?? 5;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sameOrigins = new Set((options.sameOrigins ?? []).map((o) => new URL(o).origin));
  const recorder = new ExchangeRecorder({ redactor, origin: base.origin, model, bodyTimeoutMs: timeoutMs, ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const plan = planProbes(model, { allowWrites: options.allowWrites === true });
  const allowedWrites = new Set(plan.probes.flatMap((p) => (p.kind === 'action' ? [p.operation] : [])));
  const fetched = new Set<string>();
  const ownSessionIds = new Set<string>();
  const skipped: PlannedSkip[] = [...plan.skipped];
  const skippedChecks: SkippedCheck[] = [];
  let session: Session | undefined;

  /** An href the run may GET with its session: on the base URL's origin, or on one declared the same server (rewritten). */
  const resolve = (href: string): URL | undefined => {
    if (!URL.canParse(href)) return undefined;
    const url = new URL(href);
    const matched = matchOperation('GET', url, model)?.operation.id;
    // A link is only ever followed with a GET, and only to a documented operation: anything else is not sent.
    if (matched === undefined) return undefined;
    if (url.origin === base.origin) return url;
    if (sameOrigins.has(url.origin)) return new URL(url.pathname + url.search, base.origin);
    if (!skipped.some((s) => s.operation === matched && s.reason.startsWith('link on another origin'))) {
      skipped.push({ operation: matched, reason: `link on another origin (${url.origin}): not followed; the session stays with ${base.origin} (use sameOrigins / --same-origin if it is the same server)` });
    }
    return undefined;
  };

  const send = async (method: string, url: URL, how: { probe?: Probe; token?: string; password?: string; abortable?: boolean; body?: string } = {}): Promise<Step> => {
    if (how.abortable !== false) options.signal?.throwIfAborted();
    assertSafeRequest(method, url, ownSessionIds, { model, allowedWrites });
    const headers: Record<string, string> = { accept: model.api.mediaType, 'accept-encoding': 'identity' };
    if (how.token !== undefined) headers[model.api.sessionHeader] = how.token;
    if (how.password !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.username}:${how.password}`).toString('base64')}`;
    if (how.body !== undefined) headers['content-type'] = model.api.mediaType;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = how.abortable !== false && options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    if (method === 'GET') fetched.add(url.href);
    const observed = await recorder.observe({ probe: how.probe }, async () => {
      const response = await fetch(url, { method, headers, redirect: 'manual', signal, ...(how.body !== undefined ? { body: how.body } : {}) });
      // Drained within the same limits as the recorded copy: a server that drips or sends gigabytes cannot hold the run.
      await readBody(response, { maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, signal });
      return response.headers;
    });
    for (const exchange of observed.exchanges) await onExchange(exchange);
    if (how.abortable !== false) options.signal?.throwIfAborted();
    const exchange = observed.exchanges.at(-1);
    return { exchange, value: exchange ? understand(exchange).value : undefined, headers: observed.value };
  };
  const get = (url: URL, probe?: Probe) => send('GET', url, { probe, token: probe === 'no-session' ? undefined : session?.token });

  const logon = async (password: string, probe?: Probe): Promise<Session | undefined> => {
    const url = operationUrl(base, op(protocol.logon), {}, {}, model);
    // Not abortable: once sent, only its answer names the session the server may have opened, to log it off.
    const step = await send('POST', url, { password, probe, abortable: false });
    const token = step.headers?.get(model.api.sessionHeader) ?? undefined;
    const status = step.exchange?.response?.status;
    if (!probe && (status === undefined || status >= 400)) {
      throw new LogonRefusedError(url.href, status, status === undefined ? (step.exchange?.error ?? 'no answer') : String(status));
    }
    // Any other answer is judged by the checks (auth.logon); a session it gives is still used and logged off.
    if (token === undefined) return undefined;
    redactor.add(token);
    const id = (step.value as LogonSession | undefined)?.SessionId ?? logonSessionIdOf(locationHeader && step.headers?.get(locationHeader), model);
    redactor.add(id);
    if (id !== undefined) ownSessionIds.add(id);
    return { token, id };
  };

  const logoff = async (s: Session): Promise<boolean> => {
    if (s.id === undefined) return false;
    const step = await send('DELETE', operationUrl(base, op(protocol.logoff), { id: s.id }, {}, model), { token: s.token, abortable: false });
    return step.exchange?.response !== undefined && step.exchange.response.status < 300;
  };

  recorder.start();
  let loggedOff = false;
  try {
    try {
      const entry = await send('GET', operationUrl(base, op(protocol.entryPoint), {}, {}, model));
      if (!entry.exchange?.response) throw new TargetUnreachableError(base.href, entry.exchange?.error ?? 'no answer');

      if (options.probeBadPassword) {
        const intruder = await logon(randomUUID(), 'wrong-password');
        if (intruder) await logoff(intruder);
      } else {
        skippedChecks.push({ check: 'auth.wrong-password', operation: protocol.logon, reason: BAD_PASSWORD_SKIPPED, request: { method: 'POST', url: operationUrl(base, op(protocol.logon), {}, {}, model).href } });
      }

      session = await logon(options.password);
      if (session === undefined) {
        const reason = 'the logon gave no session (see auth.logon): nothing that needs one was asked';
        for (const o of Object.values(model.operations)) if (o.id !== protocol.entryPoint && o.id !== protocol.logon) skipped.push({ operation: o.id, reason });
        return { skipped, skippedChecks };
      }
      if (session.id !== undefined) await get(operationUrl(base, op(protocol.logonSession), { id: session.id }, {}, model));
      else skipped.push({ operation: protocol.logonSession, reason: 'the logon named no logon session id' });

      const probeTarget = model.operations[protocol.authProbe];
      if (probeTarget) {
        await get(operationUrl(base, probeTarget, {}, {}, model), 'no-session');
        await send('GET', operationUrl(base, probeTarget, {}, {}, model), { probe: 'invalid-session', token: randomBytes(16).toString('base64') });
      }

      await runPlan(plan.probes);
    } finally {
      if (session) loggedOff = await logoff(session);
    }
    const probeTarget = model.operations[protocol.authProbe];
    if (loggedOff && session && probeTarget) await send('GET', operationUrl(base, probeTarget, {}, {}, model), { probe: 'after-logoff', token: session.token });
  } catch (error) {
    if (options.signal?.aborted) throw new RunInterruptedError(loggedOff);
    throw error;
  } finally {
    recorder.stop();
  }
  return { skipped, skippedChecks };

  async function runPlan(probes: readonly PlannedProbe[]): Promise<void> {
    /** The references each collection answered with (default format). */
    const refs = new Map<string, Carrier[]>();
    /** The path parameters of the items read, by item operation. */
    const itemParams = new Map<string, Record<string, string>[]>();
    /** Everything read that carries links: followed by the follow-links probe. */
    const carriers: Carrier[] = [];
    const read = async (url: URL, probe?: Probe) => {
      const step = await get(url, probe);
      const match = matchOperation('GET', url, model);
      if (match && isItem(match.operation) && step.exchange?.response?.status === successOf(match.operation).status) {
        const seen = itemParams.get(match.operation.id) ?? [];
        if (!seen.some((p) => JSON.stringify(p) === JSON.stringify(match.params))) itemParams.set(match.operation.id, [...seen, match.params]);
      }
      const root = step.exchange && understand(step.exchange).representation?.root;
      return { ...step, carriers: step.value !== undefined && root !== undefined ? carriersOf(step.value, root) : [] };
    };

    for (const probe of probes) {
      switch (probe.kind) {
        case 'collection': {
          const step = await read(withFormat(operationUrl(base, op(probe.operation), {}, {}, model), probe.format, model));
          if (probe.format === 'default') refs.set(probe.operation, step.carriers);
          break;
        }
        case 'query': {
          const query = probe.pageSize ? { [probe.pageSize]: Math.max(sample, 1) } : {};
          const step = await get(withFormat(operationUrl(base, op(probe.operation), {}, query, model), probe.format, model));
          const next = (step.value as QueryResult | undefined)?.PagingInfo?.Links?.find((l) => l.Rel === 'Next');
          const nextUrl = next && resolve(next.Href);
          if (probe.format === 'default' && nextUrl) await get(nextUrl);
          break;
        }
        case 'sample': {
          const from = refs.get(probe.collection) ?? [];
          if (sample === 0) skipped.push({ operation: probe.operation, reason: 'the sample size is 0' });
          else if (from.length === 0) skipped.push({ operation: probe.operation, reason: `no item to sample: ${probe.collection} answered none` });
          for (const ref of pickSample(from, sample)) {
            carriers.push(ref);
            const url = ref.Href === undefined ? undefined : resolve(ref.Href);
            const match = url && matchOperation('GET', url, model);
            if (!match || match.operation.id !== probe.operation) continue;
            for (const format of probe.formats) carriers.push(...(await read(withFormat(operationUrl(base, match.operation, match.params, {}, model), format, model))).carriers);
          }
          break;
        }
        case 'sub-collection': {
          const parents = itemParams.get(probe.parent) ?? [];
          if (parents.length === 0) skipped.push({ operation: probe.operation, reason: `no parent item (${probe.parent}) was sampled` });
          const sub = op(probe.operation);
          for (const parent of parents) {
            const values = Object.values(parent);
            const params = Object.fromEntries(sub.params.map((p, i) => [p.name, values[i] ?? '']));
            for (const format of probe.formats) carriers.push(...(await read(withFormat(operationUrl(base, sub, params, {}, model), format, model))).carriers);
          }
          break;
        }
        case 'follow-links':
          await followSample(carriers, { model, resolve, fetched, get: (url) => read(url) });
          break;
        case 'unknown-id':
          await get(operationUrl(base, op(probe.operation), probe.params, {}, model), 'unknown-id');
          break;
        case 'action':
          await runAction(probe, itemParams);
          break;
      }
    }
  }

  /** The body of an exchange decoded with the run's model (a Task, for an action and its polls), or undefined. */
  function valueOf(step: Step): unknown {
    const exchange = step.exchange;
    if (step.value !== undefined || !exchange?.response) return step.value;
    const url = new URL(exchange.request.url);
    const response = matchOperation(exchange.request.method, url, model)?.operation.responses.find((r) => r.status === exchange.response!.status);
    const representation = response && (formatOf(url, response.formats, model) ?? response.formats[0]);
    try {
      return representation ? decodeIn(model, representation.body, exchange.response.body) : undefined;
    } catch {
      return undefined; // the checks say what is wrong with it
    }
  }

  /** Sends a planned action (the built-in fake only), polls the Task it returns, and GETs the Task's Related link. */
  async function runAction(probe: Extract<PlannedProbe, { kind: 'action' }>, itemParams: ReadonlyMap<string, Record<string, string>[]>): Promise<void> {
    const action = op(probe.operation);
    const item = Object.values(model.operations).find((o) => o.method === 'GET' && o.entity === action.entity && itemParams.has(o.id));
    const params = item ? itemParams.get(item.id)![0]! : {};
    if (action.params.some((p) => params[p.name] === undefined)) {
      skipped.push({ operation: probe.operation, reason: `no ${action.entity ?? 'item'} was read to act on` });
      return;
    }
    const constQuery = Object.fromEntries(action.query.flatMap((q) => (q.const === undefined ? [] : [[q.name, q.const]])));
    const step = await send(action.method, operationUrl(base, action, params, constQuery, model), { token: session?.token, ...(probe.body !== undefined ? { body: probe.body } : {}) });
    const first = valueOf(step) as { Href?: string; State?: string; Links?: readonly Link[] } | undefined;
    let task = first;
    for (let poll = 0; poll < TASK_POLLS && task?.Href !== undefined && task.State === 'Running'; poll++) {
      await new Promise((r) => setTimeout(r, taskPollDelayMs(poll)));
      const url = resolve(task.Href);
      if (!url) break;
      task = valueOf(await get(url)) as typeof task;
    }
    if (task?.Href !== undefined && task === first) {
      // Not Running at once: still GET the Task once, as a client would.
      const url = resolve(task.Href);
      if (url) task = valueOf(await get(url)) as typeof task;
    }
    const related = task?.Links?.find((l) => l.Rel === 'Related');
    const relatedUrl = related && resolve(related.Href);
    if (relatedUrl) await get(relatedUrl);
  }
}
