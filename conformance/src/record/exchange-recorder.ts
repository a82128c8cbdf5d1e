import type { FetchLike } from '@vbem/client';
import { builtinModel, decodeIn, listItemOf, matchOperation, successOf, type ApiModel, type Representation } from '@vbem/models';
import { withModel } from '../exchange-model.js';
import type { ClientOutcome, Exchange, Probe } from '../exchange.js';
import type { Redactor } from '../redactor.js';
import { sessionHeader } from '../understand.js';
import { logonOperation } from '../spec-facts.js';
import { readBody, type ReadBody } from './read-body.js';
import { timeLimit } from './time-limit.js';

/** The bytes of a single entity's or document's body kept at most unless told otherwise: the codec's own limit. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** The bytes of a list's body kept at most unless told otherwise: a service provider's lists run to tens of megabytes. */
export const DEFAULT_MAX_LIST_BODY_BYTES = 256 * 1024 * 1024;

/** A byte limit, and the option that sets it, for the message of a body past it. */
interface Limit {
  readonly bytes: number;
  readonly option: string;
}

interface Raw {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** The request body, taken from the fetch's init. */
  readonly body: Promise<string>;
  bodyText?: string;
  readonly started: number;
  readonly startedAt: string;
  response?: { status: number; headers: Headers; body: ReadBody; ended: number; limit: Limit };
}

/** What the caller knows about the requests an observed step makes. */
export interface StepLabel {
  /** The negative case the step is, if any. */
  readonly probe?: Probe;
  /** The client call made (the client target). */
  readonly call?: string;
  /** The representation of the client making it (the client target). */
  readonly clientRepresentation?: Representation;
}

/** The outcome of an observed step: what it returned or threw, and the exchanges it caused. */
export interface Observed<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly exchanges: Exchange[];
}

export interface RecorderOptions {
  /** Scrubs secrets from what is recorded; learns each session token it sees. */
  readonly redactor: Redactor;
  /** Record only requests to this origin. (default: every origin) */
  readonly origin?: string;
  /** The operation table exchanges are matched against. (default: the built-in model) */
  readonly model?: ApiModel;
  /** Bytes of each single entity's or document's body recorded at most; a longer body is cut, its read cancelled, the exchange not judged. (default: 16 MiB) */
  readonly maxBodyBytes?: number;
  /** The same for a list's body (an operation whose success body is a list type, `listItemOf`). (default: 256 MiB) */
  readonly maxListBodyBytes?: number;
  /** How long each body may take to arrive after its headers, in milliseconds. (default: 30000) */
  readonly bodyTimeoutMs?: number;
  /** Stops every body read (the run was interrupted). (default: none) */
  readonly signal?: AbortSignal;
}

/**
 * Records HTTP exchanges, redacted, for the checks: the requests made through the fetch `fetch(inner)`
 * gives (the server target's to the network, the client target's to the fake in-process). Nothing
 * global is patched: only what the run itself sends is seen.
 * @example
 * const recorder = new ExchangeRecorder({ redactor });
 * const fetch = recorder.fetch(globalThis.fetch, { consume: true });
 * const { value, exchanges } = await recorder.observe({}, () => fetch(url, {}));
 */
export class ExchangeRecorder {
  readonly #options: RecorderOptions;
  readonly #raw = new Map<string, Raw>();
  readonly #reading = new Set<Promise<void>>();
  #calls = 0;

  constructor(options: RecorderOptions) {
    this.#options = options;
  }

  /**
   * A fetch that sends through `inner` and records each exchange. With `consume`, the recorder reads
   * the response's own body (within its limits and time limit, before `observe` returns) and the
   * caller gets the response with its body used: no copy of every body for a caller that needs only
   * the status and headers (the server target). Without it, the recorder reads a clone and the caller
   * the body. (default: `{ consume: false }`)
   */
  fetch(inner: FetchLike, { consume = false }: { consume?: boolean } = {}): FetchLike {
    return async (input, init) => {
      const id = `call-${++this.#calls}`;
      this.#requested(id, init.method ?? 'GET', input.href, new Headers(init.headers), Promise.resolve(typeof init.body === 'string' ? init.body : ''));
      const response = await inner(input, init);
      const recorded = this.#responded(id, consume ? response : response.clone());
      // Not recorded (another origin): a body nobody will read is let go of, not left holding its connection.
      if (!recorded && consume) await response.body?.cancel().catch(() => undefined);
      return response;
    };
  }

  #requested(id: string, method: string, url: string, headers: Headers, body: Promise<string>): void {
    if (this.#options.origin !== undefined && new URL(url).origin !== this.#options.origin) return;
    this.#raw.set(id, { method, url, headers: new Headers(headers), body, started: performance.now(), startedAt: new Date().toISOString() });
  }

  /** Starts reading the body of a recorded request's response; false when the request is not recorded. */
  #responded(id: string, response: Response): boolean {
    const options = this.#options;
    const raw = this.#raw.get(id);
    if (!raw) return false;
    const token = response.headers.get(sessionHeader);
    if (token !== null) options.redactor.add(token);
    const deadline = timeLimit(options.bodyTimeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const limit = this.limitFor(raw.method, raw.url);
    const reading = readBody(response, { maxBytes: limit.bytes, signal }).then((body) => {
      raw.response = { status: response.status, headers: new Headers(response.headers), body, ended: performance.now(), limit };
    });
    this.#reading.add(reading);
    void reading.finally(() => this.#reading.delete(reading));
    return true;
  }

  /** The byte limit of the body of a request: the list limit when its operation answers with a list. */
  limitFor(method: string, url: string): Limit {
    const model = this.#model;
    const operation = matchOperation(method, new URL(url), model)?.operation;
    const list = operation?.responses.some((r) => !r.error && r.formats.some((f) => listItemOf(model, f.body) !== undefined)) === true;
    return list
      ? { bytes: this.#options.maxListBodyBytes ?? DEFAULT_MAX_LIST_BODY_BYTES, option: 'maxListBodyBytes (--max-list-body-bytes)' }
      : { bytes: this.#options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, option: 'maxBodyBytes (--max-body-bytes)' };
  }

  /**
   * Runs one step and returns the exchanges it caused, labelled. Steps run one at a time: the
   * exchanges recorded while `step` runs are its own.
   */
  async observe<T>(label: StepLabel, step: () => Promise<T>): Promise<Observed<T>> {
    this.#raw.clear();
    let value: T | undefined;
    let error: unknown;
    try {
      value = await step();
    } catch (e) {
      error = e;
    }
    while (this.#reading.size > 0) await Promise.all([...this.#reading]);
    const raws = [...this.#raw.values()];
    this.#raw.clear();
    for (const raw of raws) raw.bodyText = await raw.body;
    for (const raw of raws) this.#learnSession(raw);
    const exchanges = raws.map((raw, i) => this.#exchange(raw, label, i === raws.length - 1 ? { value, error } : undefined));
    return error === undefined ? { value, exchanges } : { error, exchanges };
  }

  // A logon session id is as secret as its token: on real servers the token is often base64 of it.
  #learnSession(raw: Raw): void {
    if (!raw.response || matchOperation(raw.method, new URL(raw.url), this.#model)?.operation.id !== logonOperation.id) return;
    const success = successOf(logonOperation);
    if (raw.response.status !== success.status) return;
    try {
      const session = decodeIn(this.#model, success.formats[0]!.body, raw.response.body.text) as { SessionId?: string };
      this.#options.redactor.add(session.SessionId);
    } catch {
      // Not a LogonSession: the checks will say so; there is no id to hide.
    }
  }

  #exchange(raw: Raw, label: StepLabel, last: { value: unknown; error: unknown } | undefined): Exchange {
    const { redactor } = this.#options;
    const url = new URL(raw.url);
    const r = raw.response;
    const failure = r?.body.error ?? (r ? undefined : describe(last?.error) ?? 'no response');
    const outcome = label.call !== undefined && last ? outcomeOf(label.call, last, redactor) : undefined;
    const declared = r?.headers.get('content-length');
    return withModel({
      operationId: matchOperation(raw.method, url, this.#model)?.operation.id,
      ...(label.probe ? { probe: label.probe } : {}),
      ...(label.call !== undefined ? { call: label.call } : {}),
      request: { method: raw.method, url: redactor.text(raw.url), headers: redactor.headers(raw.headers), ...(raw.bodyText ? { body: redactor.text(raw.bodyText) } : {}) },
      ...(r ? { response: { status: r.status, headers: redactor.headers(r.headers), body: r.body.text, bodyBytes: r.body.bytes } } : {}),
      ...(failure !== undefined ? { error: redactor.text(failure) } : {}),
      ...(r?.body.overLimit ? { bodyNotJudged: `not judged: larger than ${r.limit.option} (${r.limit.bytes} bytes${declared ? `; Content-Length: ${declared}` : ''})` } : {}),
      startedAt: raw.startedAt,
      durationMs: Math.round(((r?.ended ?? performance.now()) - raw.started) * 10) / 10,
      ...(outcome ? { outcome } : {}),
      ...(label.clientRepresentation ? { clientRepresentation: label.clientRepresentation } : {}),
    }, this.#model);
  }

  get #model(): ApiModel {
    return this.#options.model ?? builtinModel;
  }
}

function describe(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return `${e.name ?? 'Error'}: ${e.message}${cause ? ` (${cause})` : ''}`;
}

function outcomeOf(call: string, last: { value: unknown; error: unknown }, redactor: Redactor): ClientOutcome {
  if (last.error === undefined) return { call, value: last.value };
  const e = last.error as Error & { status?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  return { call, error: { name: e.name, message: redactor.text(e.message), ...(status !== undefined ? { status } : {}) } };
}
