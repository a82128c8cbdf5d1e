import { createClient, methodPlans, type MethodPlan, type VbemClient } from '@vbem/client';
import { builtinModel, decodeIn, matchOperation, representations as bothRepresentations, type ApiModel, type Link, type LogonSession, type OperationSpec, type Representation, type Task } from '@vbem/models';
import { createMockFetch, createMockState, defaultCredentials, type Fault, type MockState } from '@vbem/mock';
import type { Exchange, Probe } from '../exchange.js';
import { ExchangeRecorder } from '../record/exchange-recorder.js';
import { Redactor } from '../redactor.js';
import type { PlannedSkip } from './plan-probes.js';

export interface ClientTargetOptions {
  /** The origin the client is pointed at; the fake answers in-process through the client's fetch, nothing leaves it. (default: 'https://em.vbem.test:9398') */
  readonly baseUrl?: string;
  /** Entities the fake holds per collection beside the documented ones. (default: 8) */
  readonly entities?: number;
  /** The API to drive: a model loaded from another spec. (default: `builtinModel`) */
  readonly model?: ApiModel;
  /** Stops the run between calls. (default: none) */
  readonly signal?: AbortSignal;
  /** Scrubs secrets from what is recorded. (default: a new one) */
  readonly redactor?: Redactor;
  /** The operations chosen to run: the client is called for these only (besides the entry point, logon and logoff it needs). (default: every operation) */
  readonly operations?: ReadonlySet<string>;
  /** The representations the client is created for, one whole run each, in this order, each on a fake of its own. (default: ['xml', 'json']) */
  readonly representations?: readonly Representation[];
}

/** What the client target left out: operations it found no way to call, and why. */
export interface ClientTargetOutcome {
  readonly skipped: readonly PlannedSkip[];
}

/** An origin that is not the client's: a link there must be refused before anything is sent. */
const FOREIGN_ORIGIN = 'https://elsewhere.vbem.test:9398';

/** The ids of the fake's collection of an entity type, documented ones first. */
export function entityIds(state: MockState, entity: string | undefined): string[] {
  return entity === undefined ? [] : [...(state.collections.get(entity)?.keys() ?? [])];
}

/** The path arguments of a call: none, one positional string, or an object of several. */
const pathArgs = (operation: OperationSpec, params: Readonly<Record<string, string>>): unknown[] =>
  operation.params.length === 0 ? [] : operation.params.length === 1 ? [params[operation.params[0]!.name]] : [params];

/**
 * Drives @vbem/client against @vbem/mock's fake, given to the client as its fetch (in-process), every call
 * derived from the operation table through the client's own naming rule (`methodPlans`): the entry
 * point, logon, every method of every operation with ids the fake holds (and the documented
 * examples' ids), links followed, every page of each query, a link to a foreign origin, the
 * actions with their documented request bodies and their Tasks waited on, each documented error
 * status of each operation, and logoff; all of it once per representation, by a client created for it.
 * @example await runClientTarget({}, (exchange) => seen.push(exchange))
 */
export async function runClientTarget(options: ClientTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<ClientTargetOutcome> {
  const redactor = options.redactor ?? new Redactor();
  const skipped: PlannedSkip[] = [];
  for (const representation of options.representations ?? bothRepresentations) skipped.push(...(await runIn(representation, { ...options, redactor }, onExchange)));
  // The same operation is skipped for the same reason in each representation: listed once.
  return { skipped: skipped.filter((s, i) => skipped.findIndex((t) => t.operation === s.operation && t.reason === s.reason) === i) };
}

/** One whole run of a client created for `representation`, on a fake of its own; returns what it skipped. */
async function runIn(representation: Representation, options: ClientTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<PlannedSkip[]> {
  const model: ApiModel = options.model ?? builtinModel;
  const protocol = model.api.protocol;
  const lifecycle = new Set([protocol.logon, protocol.logoff]);
  const baseUrl = options.baseUrl ?? 'https://em.vbem.test:9398';
  const redactor = options.redactor ?? new Redactor();
  redactor.add(defaultCredentials.password);
  const state = createMockState({ model, entities: options.entities ?? 8 });
  const faults: Record<string, Fault> = {};
  const skipped: PlannedSkip[] = [];
  const recorder = new ExchangeRecorder({ redactor, model });
  // The fake is the client's fetch: a request anywhere else fails as on a network error.
  const fetch = recorder.fetch(createMockFetch(state, { baseUrl, faults }));
  const newClient = () => createClient({ baseUrl, model, username: defaultCredentials.user, password: defaultCredentials.password, retryDelayMs: 0, fetch, representation });

  const step: StepFn = async (call, run, probe, after) => {
    options.signal?.throwIfAborted();
    const observed = await recorder.observe({ call, probe, clientRepresentation: representation }, run);
    after?.(observed.value);
    for (const exchange of observed.exchanges) await onExchange(exchange);
    return observed.value;
  };

  const client = newClient();
  let ownSession = '';
  /** The ids to call an operation with: its entity's first id in the fake, the run's own logon session, or a task the run started. */
  const idsFor = (operation: OperationSpec): Record<string, string> | undefined => {
    if (operation.params.length === 0) return {};
    const id =
      operation.id === protocol.logonSession || operation.id === protocol.logoff
        ? ownSession
        : operation.id === protocol.task
          ? [...state.tasks.keys()][0]
          : entityIds(state, operation.entity)[0];
    return id === undefined || id === '' ? undefined : Object.fromEntries(operation.params.map((p) => [p.name, id]));
  };
  /** The method of a plan, or undefined when the client has none by that name. */
  const methodOf = (subject: VbemClient, operation: OperationSpec, plan: MethodPlan) => {
    const group = (subject as unknown as Record<string, Record<string, unknown> | undefined>)[operation.resource];
    const fn = group?.[plan.name];
    return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown).bind(group) : undefined;
  };
  /** Calls one plan of an operation with the given path params; a paged one yields its first page (or all pages). */
  const callPlan = async (subject: VbemClient, operation: OperationSpec, plan: MethodPlan, params: Record<string, string>, allPages = false): Promise<unknown> => {
    if (operation.id === protocol.logon) return subject.logon();
    if (operation.id === protocol.logoff) return subject.logoff();
    const fn = methodOf(subject, operation, plan)!;
    const body = operation.requestBody ? requestBodyOf(model, operation) : undefined;
    const args = [...pathArgs(operation, params), ...(operation.requestBody ? [body] : [])];
    if (plan.kind === 'paged') {
      const pages = fn(...args, { pageSize: 10 }) as AsyncGenerator<unknown>;
      let last: unknown;
      for (let page = await pages.next(); !page.done; page = allPages ? await pages.next() : { done: true, value: undefined }) last = page.value;
      return last;
    }
    const value = await (fn(...args) as Promise<unknown>);
    return operation.task && value !== undefined ? subject.tasks.wait(value as Task, { timeoutMs: 5_000, intervalMs: 1 }) : value;
  };
  const callName = (operation: OperationSpec, plan: MethodPlan) => (lifecycle.has(operation.id) ? operation.id === protocol.logon ? 'logon' : 'logoff' : `${operation.resource}.${plan.name}`);
  const plansOf = (operation: OperationSpec): MethodPlan[] => {
    const plans = methodPlans(operation);
    return plans.length > 0 ? plans : [{ name: operation.id, paged: false, kind: 'write' }];
  };

  try {
    // The protocol's task operation last: the actions before it start the tasks it reads.
    const operations = Object.values(model.operations).filter((o) => options.operations?.has(o.id) ?? true).sort((a, b) => Number(a.id === protocol.task) - Number(b.id === protocol.task));
    const entry = model.operations[protocol.entryPoint]!;
    await step(callName(entry, plansOf(entry)[0]!), () => callPlan(client, entry, plansOf(entry)[0]!, {}));
    const session = await step('logon', () => client.logon());
    ownSession = (session as LogonSession | undefined)?.SessionId ?? '';

    let firstLinks: readonly Link[] = [];
    for (const operation of operations.filter((o) => !lifecycle.has(o.id) && o.id !== protocol.entryPoint)) {
      const params = idsFor(operation);
      if (params === undefined) {
        skipped.push({ operation: operation.id, reason: `the fake holds no ${operation.entity ?? 'item'} to call it with` });
        continue;
      }
      if (operation.requestBody && !operation.requestBody.optional && requestBodyOf(model, operation) === undefined) {
        skipped.push({ operation: operation.id, reason: `its request body (${operation.requestBody.type}) has no documented example to send` });
        continue;
      }
      for (const plan of plansOf(operation)) {
        if (!methodOf(client, operation, plan)) {
          skipped.push({ operation: operation.id, reason: `the client has no method ${callName(operation, plan)}` });
          continue;
        }
        const value = await step(callName(operation, plan), () => callPlan(client, operation, plan, params, true));
        const links = (value as { Ref?: { Links?: Link[] }[] } | undefined)?.Ref?.[0]?.Links;
        if (firstLinks.length === 0 && links) firstLinks = links;
        // The documented examples' ids, through the method of the example's format.
        const format = plan.format ?? 'default';
        for (const example of model.examples.filter((e) => e.operation === operation.id && !e.request && e.params && (e.format ?? 'default') === format && e.status === undefined)) {
          await step(callName(operation, plan), () => callPlan(client, operation, plan, { ...example.params }));
        }
      }
    }

    await followAll(firstLinks, client, step);
    await foreignOrigin(firstLinks, client, recorder, onExchange, model, representation);

    for (const operation of operations) {
      const plan = plansOf(operation)[0]!;
      const params = idsFor(operation) ?? Object.fromEntries(operation.params.map((p) => [p.name, crypto.randomUUID()]));
      if (!lifecycle.has(operation.id) && !methodOf(client, operation, plan)) continue;
      for (const response of operation.responses.filter((r) => r.error)) {
        const subject = lifecycle.has(operation.id) ? newClient() : client;
        if (operation.id === protocol.logoff) await subject.logon();
        faults[operation.id] = { status: response.status };
        await step(callName(operation, plan), () => callPlan(subject, operation, plan, params), 'forced-status');
        delete faults[operation.id];
        if (lifecycle.has(operation.id)) await subject[Symbol.asyncDispose]();
      }
    }

    await step('logoff', () => client.logoff());
  } finally {
    for (const key of Object.keys(faults)) delete faults[key];
    await client[Symbol.asyncDispose]().catch(() => undefined);
  }
  return skipped;
}

/** The documented request example of an operation, decoded to the value the client takes (it encodes it again); none when there is none. */
function requestBodyOf(model: ApiModel, operation: OperationSpec): unknown {
  const example = model.examples.find((e) => e.request === true && e.operation === operation.id);
  return example === undefined ? undefined : decodeIn(model, example.type, example.xml);
}

/** Runs one client call, observed; hands each exchange it caused on. */
type StepFn = <T>(call: string, run: () => Promise<T>, probe?: Probe, after?: (value: T | undefined) => void) => Promise<T | undefined>;

/** Follows each link the client can follow, and the links of what it gets, one level deep. */
async function followAll(links: readonly Link[], client: VbemClient, step: StepFn): Promise<void> {
  for (const link of links) {
    const target = (await step('follow', () => client.follow(link))) as { Links?: Link[] } | undefined;
    for (const next of target?.Links ?? []) if (next.Rel === link.Rel && next.Href !== link.Href) await step('follow', () => client.follow(next));
  }
}

/** Asks the client to follow a link moved to a foreign origin: it must refuse, sending nothing. */
async function foreignOrigin(links: readonly Link[], client: VbemClient, recorder: ExchangeRecorder, onExchange: (e: Exchange) => void | Promise<void>, model: ApiModel, clientRepresentation: Representation): Promise<void> {
  const link = links[0];
  if (!link) return;
  const href = new URL(link.Href);
  const foreign = { ...link, Href: new URL(href.pathname + href.search, FOREIGN_ORIGIN).href };
  const startedAt = new Date().toISOString();
  const observed = await recorder.observe({ call: 'follow', probe: 'foreign-origin', clientRepresentation }, () => client.follow(foreign));
  for (const exchange of observed.exchanges) await onExchange(exchange);
  if (observed.exchanges.length > 0) return;
  const error = observed.error as Error | undefined;
  await onExchange({
    operationId: matchOperation('GET', new URL(foreign.Href), model)?.operation.id,
    call: 'follow',
    probe: 'foreign-origin',
    sent: false,
    request: { method: 'GET', url: foreign.Href, headers: {} },
    error: 'not sent: the client refused the link',
    startedAt,
    durationMs: 0,
    outcome: { call: 'follow', ...(error ? { error: { name: error.name, message: error.message } } : { value: observed.value }) },
    clientRepresentation,
  });
}
