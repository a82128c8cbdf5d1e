import { builtinModel, logonSessionIdOf, matchOperation, mediaTypeOf, operationUrl, representations as bothRepresentations, successOf, type ApiModel, type LogonSession, type Representation } from '@vbem/models';
import { advertisedVersions, chooseVersion, versionParamOf, type ApiVersionChoice } from '../api-versions.js';
import { carriersOf } from '../checks/carriers-of.js';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError } from '../errors.js';
import type { Exchange, Probe } from '../exchange.js';
import { ExchangeRecorder } from '../record/exchange-recorder.js';
import { timeLimit } from '../record/time-limit.js';
import { Redactor } from '../redactor.js';
import { locationHeader, logonStatus } from '../spec-facts.js';
import { understand } from '../understand.js';
import { assertSafeRequest } from './assert-safe-request.js';
import { isItem } from './operation-kinds.js';
import { planProbes, type PlannedSkip } from './plan-probes.js';
import type { ProbeContext, ReadStep, Step } from './probe-context.js';
import { DEFAULT_TASK_DEADLINE_MS } from './probes/action.js';
import { BAD_PASSWORD_SKIPPED, probeAfterLogoff, probeWithoutSession, probeWrongPassword, type AuthFrame, type Session } from './probes/auth.js';
import { readInEach } from './probes/representations.js';
import { hrefResolver } from './resolve-href.js';
import { runPlan } from './run-plan.js';
import { selectProbes } from './select-probes.js';

export { BAD_PASSWORD_SKIPPED } from './probes/auth.js';

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
  /** Bytes of each single entity's or document's body read at most; a longer body is cut and its exchange not judged (`transport` skipped). (default: 16 MiB) */
  readonly maxBodyBytes?: number;
  /** The same for the body of a list (a collection). (default: 256 MiB) */
  readonly maxListBodyBytes?: number;
  /** Stops the run between requests; the target still logs off before it returns. (default: none) */
  readonly signal?: AbortSignal;
  /** Scrubs secrets from what is recorded; the password and session are added to it. (default: a new one) */
  readonly redactor?: Redactor;
  /** The operation table the run is planned from. (default: the built-in model) */
  readonly model?: ApiModel;
  /** Send the state-changing operations too: only for the built-in fake a run started itself. (default: false) */
  readonly allowWrites?: boolean;
  /**
   * Send the documented actions (those answered with a Task) to this lab server, one entity each, and
   * judge their Tasks: state changes on the server. The caller must have checked that the user named
   * this server's origin twice (runConformance does). (default: false)
   */
  readonly labActions?: boolean;
  /** How long each action's Task is polled before the run stops waiting (action.task then fails). (default: 300000, 5 minutes) */
  readonly taskDeadlineMs?: number;
  /** Send the deliberate wrong-password logon (it may count towards an account lockout). (default: false) */
  readonly probeBadPassword?: boolean;
  /** Other origins that are the same server: their hrefs are followed (rewritten to the base URL's origin). (default: none) */
  readonly sameOrigins?: readonly string[];
  /**
   * The representations every read is asked in, in this order, one right after the other (`Accept`:
   * the spec's media type, `application/json`); the logon is asked in the first, actions in XML
   * (their request bodies are XML). (default: ['xml', 'json'])
   */
  readonly representations?: readonly Representation[];
  /** The operations chosen to run (`--include` / `--exclude`): only their probes are sent, with those they start from (a collection for its sampled items), and links are followed to them only; the frame (entry point, logon, logoff, auth probes) is sent all the same. (default: every operation) */
  readonly operations?: ReadonlySet<string>;
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
  /** The API version the run logged on with and that answered, and the media type of every request (absent when the entry point did not answer). */
  readonly api?: ApiInUse;
}

/** Which API version answered the run, and in which representations. */
export interface ApiInUse extends ApiVersionChoice {
  /** The media type of the run's first representation (`application/xml`). */
  readonly mediaType: string;
  /** The representations every read was asked in (`['xml', 'json']`). */
  readonly representations: readonly Representation[];
  /** Their media types, in the same order (`['application/xml', 'application/json']`). */
  readonly mediaTypes: readonly string[];
}

/**
 * Runs the probes planned from the operation table (planProbes) against an Enterprise Manager,
 * each exchange recorded by the fetch it is sent with (ExchangeRecorder): the entry point, (when asked) a logon with a
 * wrong password, the logon, its own logon session, the negative auth cases, the planned probes
 * (each kind run by its module under probes/), the logoff of its own session, and a request after
 * it. It sends no POST but logon and no DELETE but its own logoff (and the planned actions only
 * with allowWrites or labActions), and logs off even when a step throws or the signal aborts. A logon answered
 * without a session is a finding, not a crash: what needs a session is reported skipped.
 * @throws {TargetUnreachableError} when the entry point cannot be reached.
 * @throws {LogonRefusedError} when the logon is refused (an error status).
 * @throws {RunInterruptedError} when the signal aborted the run (after logging off).
 * @example await runServerTarget({ baseUrl: 'https://em:9398', username, password }, (e) => seen.push(e))
 */
export async function runServerTarget(options: ServerTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<ServerTargetOutcome> {
  const model = options.model ?? builtinModel;
  const asked = options.representations ?? bothRepresentations;
  const protocol = model.api.protocol;
  const op = (id: string) => model.operations[id]!;
  const base = new URL(options.baseUrl);
  const urlOf: ProbeContext['urlOf'] = (operation, params = {}, query = {}) => operationUrl(base, operation, params, query, model);
  const redactor = options.redactor ?? new Redactor();
  redactor.add(options.password);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const recorder = new ExchangeRecorder({ redactor, origin: base.origin, model, bodyTimeoutMs: timeoutMs, ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}), ...(options.maxListBodyBytes !== undefined ? { maxListBodyBytes: options.maxListBodyBytes } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const plan = planProbes(model, { allowWrites: options.allowWrites === true, labActions: options.labActions === true });
  const allowedWrites = new Set(plan.probes.flatMap((p) => (p.kind === 'action' ? [p.operation] : [])));
  const fetched = new Set<string>();
  const ownSessionIds = new Set<string>();
  const skipped: PlannedSkip[] = [...plan.skipped];
  const skippedChecks: SkippedCheck[] = [];
  const resolve = hrefResolver(model, base, new Set((options.sameOrigins ?? []).map((o) => new URL(o).origin)), skipped);
  let session: Session | undefined;
  // The recorder reads each body itself, within the limits: a server that drips or sends gigabytes cannot hold the run.
  const recordedFetch = recorder.fetch((input, init) => fetch(input, init), { consume: true });

  const send = async (method: string, url: URL, how: { probe?: Probe; token?: string; password?: string; abortable?: boolean; body?: string; representation?: Representation } = {}): Promise<Step> => {
    if (how.abortable !== false) options.signal?.throwIfAborted();
    assertSafeRequest(method, url, ownSessionIds, { model, allowedWrites });
    const headers: Record<string, string> = { accept: mediaTypeOf(model, how.representation ?? asked[0] ?? 'xml'), 'accept-encoding': 'identity' };
    if (how.token !== undefined) headers[model.api.sessionHeader] = how.token;
    if (how.password !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.username}:${how.password}`).toString('base64')}`;
    if (how.body !== undefined) headers['content-type'] = model.api.mediaType;
    const timeout = timeLimit(timeoutMs);
    const signal = how.abortable !== false && options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    if (method === 'GET') fetched.add(url.href);
    const observed = await recorder.observe({ probe: how.probe }, async () => (await recordedFetch(url, { method, headers, redirect: 'manual', signal, ...(how.body !== undefined ? { body: how.body } : {}) })).headers);
    for (const exchange of observed.exchanges) await onExchange(exchange);
    if (how.abortable !== false) options.signal?.throwIfAborted();
    const exchange = observed.exchanges.at(-1);
    return { exchange, value: exchange ? understand(exchange).value : undefined, headers: observed.value };
  };
  // Every read in each representation asked (the second-representation probe); what needs one step goes on from the first.
  const readIn = (url: URL, how: { probe?: Probe; token?: string }) => readInEach(asked, (representation) => send('GET', url, { ...how, representation }));
  const get = (url: URL, probe?: Probe) => readIn(url, { probe, token: probe === 'no-session' ? undefined : session?.token });

  let api: ApiInUse | undefined;
  const logon = async (password: string, probe?: Probe): Promise<Session | undefined> => {
    const url = urlOf(op(protocol.logon), {}, api?.asked === undefined ? {} : { [versionParamOf(model)!.name]: api.asked });
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
    const step = await send('DELETE', urlOf(op(protocol.logoff), { id: s.id }), { token: s.token, abortable: false });
    return step.exchange?.response !== undefined && step.exchange.response.status < 300;
  };

  const auth: AuthFrame = { model, base, logon, logoff, getWith: (url, probe, token) => readIn(url, { probe, token }) };
  const ctx = probeContext({ model, base, sample: options.sample ?? 5, op, urlOf, get, resolve, fetched, taskDeadlineMs: options.taskDeadlineMs ?? DEFAULT_TASK_DEADLINE_MS,
    ...(options.operations ? { follows: options.operations } : {}),
    act: (method, url, body) => send(method, url, { token: session?.token, representation: 'xml', ...(body !== undefined ? { body } : {}) }), skip: (operation, reason) => void skipped.push({ operation, reason }) });

  let loggedOff = false;
  try {
    try {
      const entry = await readIn(urlOf(op(protocol.entryPoint)), {});
      if (!entry.exchange?.response) throw new TargetUnreachableError(base.href, entry.exchange?.error ?? 'no answer');
      // Log on with the version the entry point offers (its newest-version alias where it has one).
      api = { ...chooseVersion(advertisedVersions(entry.value, model), model), mediaType: mediaTypeOf(model, asked[0] ?? 'xml'), representations: asked, mediaTypes: asked.map((r) => mediaTypeOf(model, r)) };

      if (options.probeBadPassword) await probeWrongPassword(auth);
      else skippedChecks.push({ check: 'auth.wrong-password', operation: protocol.logon, reason: BAD_PASSWORD_SKIPPED, request: { method: 'POST', url: urlOf(op(protocol.logon)).href } });

      session = await logon(options.password);
      if (session === undefined) {
        const reason = 'the logon gave no session (see auth.logon): nothing that needs one was asked';
        for (const o of Object.values(model.operations)) if (o.id !== protocol.entryPoint && o.id !== protocol.logon) skipped.push({ operation: o.id, reason });
        return { skipped, skippedChecks, ...(api ? { api } : {}) };
      }
      if (session.id !== undefined) await get(urlOf(op(protocol.logonSession), { id: session.id }));
      else skipped.push({ operation: protocol.logonSession, reason: 'the logon named no logon session id' });

      await probeWithoutSession(auth);
      await runPlan(options.operations ? selectProbes(plan.probes, options.operations, model) : plan.probes, ctx);
    } finally {
      if (session) loggedOff = await logoff(session);
    }
    if (loggedOff && session) await probeAfterLogoff(auth, session);
  } catch (error) {
    if (options.signal?.aborted) throw new RunInterruptedError(loggedOff);
    throw error;
  }
  return { skipped, skippedChecks, ...(api ? { api } : {}) };
}

/** The probes' view of the run: `read` notes each item read (its path parameters) and the carriers of each body. */
function probeContext(frame: Omit<ProbeContext, 'read' | 'findings'>): ProbeContext {
  const findings: ProbeContext['findings'] = { refs: new Map(), itemParams: new Map(), carriers: [], queryItems: new Map() };
  const read = async (url: URL, probe?: Probe): Promise<ReadStep> => {
    const step = await frame.get(url, probe);
    const match = matchOperation('GET', url, frame.model);
    if (match && isItem(match.operation) && step.exchange?.response?.status === successOf(match.operation).status) {
      const seen = findings.itemParams.get(match.operation.id) ?? [];
      if (!seen.some((p) => JSON.stringify(p) === JSON.stringify(match.params))) findings.itemParams.set(match.operation.id, [...seen, match.params]);
    }
    const root = step.exchange && understand(step.exchange).representation?.root;
    return { ...step, carriers: step.value !== undefined && root !== undefined ? carriersOf(step.value, root) : [] };
  };
  return { ...frame, read, findings };
}
