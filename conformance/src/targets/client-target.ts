import { createClient, type VbemClient } from '@vbem/client';
import { examples, matchOperation, operations, type Link, type LogonSession } from '@vbem/models';
import { createHandlers, createMockState, defaultCredentials, type Fault } from '@vbem/mock';
import { http, HttpResponse } from 'msw';
import type { Exchange, Probe } from '../exchange.js';
import { ExchangeRecorder } from '../record/exchange-recorder.js';
import { Redactor } from '../redactor.js';
import { allOperations } from '../spec-facts.js';
import { operationCalls, type KnownIds } from './client-calls.js';

export interface ClientTargetOptions {
  /** The origin the client is pointed at; MSW answers in-process, nothing leaves it. (default: 'https://em.vbem.test:9398') */
  readonly baseUrl?: string;
  /** Sessions the fake holds beside the documented ones. (default: 8) */
  readonly sessions?: number;
  /** Stops the run between calls. (default: none) */
  readonly signal?: AbortSignal;
  /** Scrubs secrets from what is recorded. (default: a new one) */
  readonly redactor?: Redactor;
}

/** An origin that is not the client's: a link there must be refused before anything is sent. */
const FOREIGN_ORIGIN = 'https://elsewhere.vbem.test:9398';

/**
 * Drives @vbem/client against @vbem/mock's MSW handlers (in-process, `setupServer`): the entry
 * point, logon, the documented examples through the methods that return them, links followed,
 * every page of the query, a link to a foreign origin, each documented error status of each
 * operation, and logoff. Every request the client sends is recorded with what the call returned
 * or threw, for the client checks.
 * @example await runClientTarget({}, (exchange) => seen.push(exchange))
 */
export async function runClientTarget(options: ClientTargetOptions, onExchange: (exchange: Exchange) => void | Promise<void>): Promise<void> {
  const baseUrl = options.baseUrl ?? 'https://em.vbem.test:9398';
  const redactor = options.redactor ?? new Redactor();
  redactor.add(defaultCredentials.password);
  const state = createMockState({ sessions: options.sessions ?? 8 });
  const faults: Record<string, Fault> = {};
  const nothingLeaves = http.all('*', () => HttpResponse.error());
  const recorder = new ExchangeRecorder({ redactor, handlers: [...createHandlers(state, { baseUrl, faults }), nothingLeaves] });
  const newClient = () => createClient({ baseUrl, username: defaultCredentials.user, password: defaultCredentials.password, retryDelayMs: 0 });

  const step: StepFn = async (call, run, probe, after) => {
    options.signal?.throwIfAborted();
    const observed = await recorder.observe({ call, probe }, run);
    after?.(observed.value);
    for (const exchange of observed.exchanges) await onExchange(exchange);
    return observed.value;
  };

  const client = newClient();
  recorder.start();
  try {
    await step('entryPoint.get', () => client.entryPoint.get());
    const session = await step('logon', () => client.logon());
    const ids: KnownIds = {
      failoverSession: [...state.failoverSessions.keys()][0]!,
      backupServer: [...state.backupServers.keys()][0]!,
      logonSession: (session as LogonSession | undefined)?.SessionId ?? '',
    };
    await step('logonSessions.get', () => client.logonSessions.get(ids.logonSession));
    const list = await step('cloudFailoverSessions.list', () => client.cloudFailoverSessions.list());
    await step('cloudFailoverSessions.listEntities', () => client.cloudFailoverSessions.listEntities());

    for (const example of examples.filter((e) => e.operation === operations.getCloudFailoverSession.id && e.params?.id)) {
      const id = example.params!.id!;
      if (example.format === undefined) await step('cloudFailoverSessions.get', () => client.cloudFailoverSessions.get(id));
      else await step('cloudFailoverSessions.getEntity', () => client.cloudFailoverSessions.getEntity(id));
    }

    await followAll(list?.Ref[0]?.Links ?? [], client, step);

    const pages = client.query.cloudFailoverSessions({ pageSize: 10 });
    let done = false;
    while (!done) await step('query.cloudFailoverSessions', async () => ((await pages.next()) as IteratorResult<unknown>).value, undefined, (r) => (done = r === undefined));

    await foreignOrigin(list?.Ref[0]?.Links ?? [], client, recorder, onExchange);

    for (const operation of allOperations) {
      for (const response of operation.responses.filter((r) => r.error)) {
        const { name, call } = operationCalls[operation.id as keyof typeof operationCalls];
        const lifecycle = operation.id === operations.logon.id || operation.id === operations.logoff.id;
        const subject = lifecycle ? newClient() : client;
        if (operation.id === operations.logoff.id) await subject.logon();
        faults[operation.id] = { status: response.status };
        await step(name, () => call(subject, ids), 'forced-status');
        delete faults[operation.id];
        if (lifecycle) await subject[Symbol.asyncDispose]();
      }
    }

    await step('logoff', () => client.logoff());
  } finally {
    for (const key of Object.keys(faults)) delete faults[key];
    await client[Symbol.asyncDispose]().catch(() => undefined);
    recorder.stop();
  }
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
async function foreignOrigin(links: readonly Link[], client: VbemClient, recorder: ExchangeRecorder, onExchange: (e: Exchange) => void | Promise<void>): Promise<void> {
  const link = links[0];
  if (!link) return;
  const href = new URL(link.Href);
  const foreign = { ...link, Href: new URL(href.pathname + href.search, FOREIGN_ORIGIN).href };
  const startedAt = new Date().toISOString();
  const observed = await recorder.observe({ call: 'follow', probe: 'foreign-origin' }, () => client.follow(foreign));
  for (const exchange of observed.exchanges) await onExchange(exchange);
  if (observed.exchanges.length > 0) return;
  const error = observed.error as Error | undefined;
  await onExchange({
    operationId: matchOperation('GET', new URL(foreign.Href))?.operation.id,
    call: 'follow',
    probe: 'foreign-origin',
    sent: false,
    request: { method: 'GET', url: foreign.Href, headers: {} },
    error: 'not sent: the client refused the link',
    startedAt,
    durationMs: 0,
    outcome: { call: 'follow', ...(error ? { error: { name: error.name, message: error.message } } : { value: observed.value }) },
  });
}
