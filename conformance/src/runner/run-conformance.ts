import { builtinModel, representations as bothRepresentations, type ApiModel, type KeyCasing, type Representation } from '@vbem/models';
import { normalizeBaseUrl } from '@vbem/client';
import { defaultCredentials, serveMock, type MockServer } from '@vbem/mock';
import type { Check } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { clientChecks } from '../checks/client-checks.js';
import { serverChecks } from '../checks/server-checks.js';
import { UsageError } from '../errors.js';
import { Redactor } from '../redactor.js';
import { understand } from '../understand.js';
import { runClientTarget } from '../targets/client-target.js';
import { runServerTarget } from '../targets/server-target.js';
import { withTls } from '../tls/with-tls.js';
import { loadXsd } from '../xsd/load-xsd.js';
import { judgeTarget } from './judge-target.js';
import { stopAfterTransportFailures } from './stop-after-transport-failures.js';
import { stoppedRun } from './stopped-run.js';
import { coverageOf, summarize, type Coverage, type JudgedExchange, type ProgressEvent, type ReportedResult, type RunReport, type TargetName } from './run-report.js';
import { redactExchange } from './redact-exchange.js';
import { selectChecks, selectOperations } from './selection.js';

export interface ConformanceOptions {
  /** The Enterprise Manager to judge, such as `https://em.example:9398` (with or without `/api`). (default: the built-in fake, served on an ephemeral loopback port) */
  readonly baseUrl?: string;
  /** The user to log on as. (default: the fake's user; required with `baseUrl`) */
  readonly username?: string;
  /** The password: never printed, recorded or reported. (default: the fake's; required with `baseUrl`) */
  readonly password?: string;
  /** How many items of each collection the server target fetches in every format, following their links. (default: 5) */
  readonly sample?: number;
  /** The time limit of each request, in milliseconds. (default: 30000) */
  readonly timeoutMs?: number;
  /** Bytes of a single entity's or document's body read at most: a longer body is not judged (reported skipped, never failed). (default: 16 MiB) */
  readonly maxBodyBytes?: number;
  /** Bytes of a list's body read at most: a longer body is not judged (reported skipped, never failed). (default: 256 MiB) */
  readonly maxListBodyBytes?: number;
  /** Requests in a row that may get no complete response (no answer in time, a connection failure, a body cut short) before the server target stops the run, logs off and fails it. (default: 3) */
  readonly maxTransportFailures?: number;
  /** Accept any TLS certificate. (default: false: certificates are verified) */
  readonly insecure?: boolean;
  /** The name the server's certificate must carry, when it is not the host of `baseUrl`. (default: that host) */
  readonly servername?: string;
  /** PEM text of the CA certificate(s) to trust. (default: the system's) */
  readonly ca?: string;
  /** A RestAPI.xsd to validate every body against, as warnings. (default: none) */
  readonly xsdFile?: string;
  /** The targets to run. (default: ['server'] with `baseUrl`, ['server', 'client'] with the built-in fake) */
  readonly targets?: readonly TargetName[];
  /** The checks each target is judged by. (default: `serverChecks` and `clientChecks`) */
  readonly checks?: Readonly<Partial<Record<TargetName, readonly Check[]>>>;
  /** The operations to run, by id, resource or a glob of either (`widgets*`): the others are left out by choice (not judged; sent only where a chosen one needs them, such as the entry point, logon and the collection a sampled item is read from). (default: every operation) */
  readonly include?: readonly string[];
  /** The operations to leave out, by id, resource or a glob of either. (default: none) */
  readonly exclude?: readonly string[];
  /** The checks to run, by check id or a glob (`query.*`), matched against the checks of both targets. (default: every check) */
  readonly includeChecks?: readonly string[];
  /** The checks to leave out, by check id or a glob. (default: none) */
  readonly excludeChecks?: readonly string[];
  /** The API to judge against: a model loaded from another spec (`loadModel`); the built-in fake serves it too. (default: `builtinModel`) */
  readonly model?: ApiModel;
  /** Other origins that are the same server as `baseUrl`: links there are followed (rewritten to `baseUrl`'s origin), not skipped. (default: none) */
  readonly sameOrigins?: readonly string[];
  /** Send the deliberate wrong-password logon to `baseUrl` (it may count towards locking the account). (default: false; always against the built-in fake) */
  readonly probeBadPassword?: boolean;
  /**
   * Run the documented actions on a lab server: `origin` must repeat the origin of `baseUrl`
   * (`https://em-lab.example:9398`), so that a copied command line cannot start jobs on another
   * server. One entity per action is acted on, each Task polled for `taskDeadlineMs` and judged
   * (action.task); the report lists every action sent. (default: none: no action is sent to `baseUrl`)
   */
  readonly labActions?: { readonly origin: string; readonly taskDeadlineMs?: number };
  /**
   * The representations the server target asks every read in, one right after the other: `['xml']`,
   * `['json']` or both; with both, `representations.agree` compares the two answers to each request.
   * The client target runs once in each, by a client created for it. (default: ['xml', 'json'])
   */
  readonly representations?: readonly Representation[];
  /**
   * Keep every exchange, redacted, in the report (`report.exchanges`, what `formatHar` writes). Off
   * unless asked: a large run's bodies would otherwise stay in memory to its end. (default: false)
   */
  readonly keepExchanges?: boolean;
  /** Stops the run; the server target logs off first, then a RunInterruptedError is thrown. (default: none) */
  readonly signal?: AbortSignal;
  /** Receives the progress: each target starting, each exchange judged, the run-wide checks. (default: none) */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * Runs the conformance suite: the server target against `baseUrl` (or against the built-in fake,
 * started and stopped here, with the client target as well), every exchange judged by the checks.
 * @throws {BaseUrlError} for a baseUrl that is not an http(s) URL or carries credentials; {UsageError} for missing credentials or an include/exclude pattern that names nothing; {TargetUnreachableError}, {LogonRefusedError}, {RunInterruptedError}, {XsdLoadError}.
 * @example const report = await runConformance({ baseUrl: 'https://em:9398', username: 'svc', password: process.env.VBEM_PASSWORD });
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  // `https://em:9398/api/`, `https://em:9398`: one server; a URL with credentials is refused, unechoed.
  const given = options.baseUrl === undefined ? undefined : normalizeBaseUrl(options.baseUrl).href.replace(/\/$/, '');
  if (given !== undefined && (!options.username || options.password === undefined)) {
    throw new UsageError(options.username ? 'password' : 'username', `a ${options.username ? 'password' : 'user name'} to log on to ${given} with`, 'none');
  }
  const model = options.model ?? builtinModel;
  const sample = options.sample ?? 5;
  if (!Number.isInteger(sample) || sample < 0) throw new UsageError('sample', 'a whole number of items, 0 or more', String(options.sample));
  const maxTransportFailures = options.maxTransportFailures ?? 3;
  if (!Number.isInteger(maxTransportFailures) || maxTransportFailures < 1) throw new UsageError('maxTransportFailures', 'a whole number of requests, 1 or more', String(options.maxTransportFailures));
  for (const [name, bytes] of [['maxBodyBytes', options.maxBodyBytes], ['maxListBodyBytes', options.maxListBodyBytes]] as const) {
    if (bytes !== undefined && (!Number.isInteger(bytes) || bytes < 1)) throw new UsageError(name, 'a whole number of bytes, 1 or more', String(bytes));
  }
  for (const o of options.sameOrigins ?? []) if (!URL.canParse(o)) throw new UsageError('sameOrigins', 'absolute URLs such as https://em2.example:9398', `'${o}'`);
  const lab = options.labActions;
  if (lab !== undefined) {
    const named = URL.canParse(lab.origin) ? new URL(lab.origin).origin : `'${lab.origin}'`;
    if (given === undefined) throw new UsageError('labActions', 'a baseUrl: the built-in fake runs every action without it', named);
    const expected = new URL(given).origin;
    if (named !== expected) throw new UsageError('labActions', `the origin of the base URL repeated (${expected}), to confirm state may change there`, named);
    if (lab.taskDeadlineMs !== undefined && !(Number.isInteger(lab.taskDeadlineMs) && lab.taskDeadlineMs > 0)) throw new UsageError('labActions.taskDeadlineMs', 'a whole number of milliseconds, 1 or more', String(lab.taskDeadlineMs));
  }
  const askedIn = options.representations ?? bothRepresentations;
  if (askedIn.length === 0 || askedIn.some((r) => !bothRepresentations.includes(r)) || new Set(askedIn).size !== askedIn.length) {
    throw new UsageError('representations', `one or both of ${bothRepresentations.join(', ')}, each once`, `[${askedIn.join(', ')}]`);
  }
  const chosen = selectOperations(model, { include: options.include, exclude: options.exclude });
  const selection = selectChecks({ server: options.checks?.server ?? serverChecks, client: options.checks?.client ?? clientChecks }, { include: options.includeChecks, exclude: options.excludeChecks });
  const checksOn = selection.checks;
  // A target none of whose checks was chosen is not run: it would only send requests nobody judges.
  const asked: readonly TargetName[] = options.targets ?? (given === undefined ? ['server', 'client'] : ['server']);
  const targets = asked.filter((t) => checksOn[t].length > 0);
  if (targets.length === 0) throw new UsageError('includeChecks (--checks)', `a check of a target that runs (${asked.join(', ')})`, `${[...(options.includeChecks ?? [])].map((p) => `'${p}'`).join(', ')}, which names none of theirs`);
  const xsd = options.xsdFile === undefined ? undefined : await loadXsd(options.xsdFile);
  const redactor = new Redactor();
  redactor.add(options.password);
  const fake: MockServer | undefined = given === undefined ? await serveMock({ port: 0, host: '127.0.0.1', model }) : undefined;
  const baseUrl = given ?? fake!.url;
  const origin = new URL(baseUrl).origin;
  const results: ReportedResult[] = [];
  const requests: Partial<Record<TargetName, number>> = {};
  const coverage: Partial<Record<TargetName, Coverage>> = {};
  const exchanges: Partial<Record<TargetName, JudgedExchange[]>> = {};
  // Redacted at the end, when the redactor knows every session token and id the run saw.
  const keep = (target: TargetName, judged: { exchanges: readonly Exchange[]; verdicts: ReadonlyMap<Exchange, ReportedResult[]> }) => {
    if (options.keepExchanges) exchanges[target] = judged.exchanges.map((e) => ({ exchange: e, results: judged.verdicts.get(e) ?? [] }));
  };
  const operationIds = Object.keys(model.operations);
  let api: RunReport['api'];
  let labActions: RunReport['labActions'];
  try {
    if (targets.includes('server')) {
      options.onProgress?.({ kind: 'target', target: 'server', description: `Server target: ${fake ? `the built-in fake Enterprise Manager at ${baseUrl}` : baseUrl} (${fake ? 'every operation, state-changing ones included' : lab ? 'LAB: documented actions sent, state changes on this server' : 'documented read-only requests'}, a sample of ${sample} items per collection, every read in ${askedIn.map((r) => r.toUpperCase()).join(' and ')})` });
      const serverOptions = {
        baseUrl,
        username: options.username ?? defaultCredentials.user,
        password: options.password ?? defaultCredentials.password,
        sample,
        redactor,
        model,
        allowWrites: fake !== undefined,
        ...(lab ? { labActions: true, ...(lab.taskDeadlineMs !== undefined ? { taskDeadlineMs: lab.taskDeadlineMs } : {}) } : {}),
        probeBadPassword: fake !== undefined || options.probeBadPassword === true,
        representations: askedIn,
        ...(options.sameOrigins ? { sameOrigins: options.sameOrigins } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
        ...(options.maxListBodyBytes !== undefined ? { maxListBodyBytes: options.maxListBodyBytes } : {}),
        ...(chosen ? { operations: chosen } : {}),
      };
      // The casing of the server's JSON keys, read as each answer comes (the run keeps no body to read it from later).
      const casings = new Set<KeyCasing>();
      const noteCasing = (exchange: Exchange) => void (understand(exchange).casing && casings.add(understand(exchange).casing!));
      const judged = await withTls({ insecure: options.insecure, ca: options.ca, servername: options.servername }, () =>
        judgeTarget(
          (onExchange) => stopAfterTransportFailures({ max: maxTransportFailures, signal: options.signal }, (e) => (noteCasing(e), onExchange(e)), (signal, counted) => runServerTarget({ ...serverOptions, signal }, counted)),
          { target: 'server', checks: checksOn.server, origin, sameOrigins: options.sameOrigins ?? [], xsd, redactor, onProgress: options.onProgress, keepExchanges: options.keepExchanges === true, ...(chosen ? { operations: chosen } : {}) },
        ),
      );
      requests.server = judged.exchanges.length;
      keep('server', judged);
      // Read from what was recorded, so a run that stopped early lists what it sent too.
      if (lab) labActions = { origin, sent: judged.exchanges.filter((e) => e.request.method !== 'GET' && e.operationId !== undefined && model.operations[e.operationId]?.task !== undefined).map((e) => ({ operation: e.operationId!, method: e.request.method, url: e.request.url })) };
      if ('stopped' in judged.value) {
        const stopped = stoppedRun(judged.value.stopped, judged.exchanges, { model, allowWrites: fake !== undefined, labActions: lab !== undefined, redactor });
        // First: the reporters list failures in order, and this one says why the rest is missing.
        results.push(stopped.result, ...judged.results);
        coverage.server = coverageOf(operationIds, judged.exchanges, stopped.skips, chosen);
      } else {
        results.push(...judged.results);
        const ran = new Set(checksOn.server.map((c) => c.id));
        for (const s of judged.value.value.skippedChecks.filter((c) => ran.has(c.check) && (chosen?.has(c.operation) ?? true))) {
          results.push({ check: s.check, operation: s.operation, status: 'skipped', message: s.reason, request: { method: s.request.method, url: redactor.text(s.request.url) }, target: 'server' });
        }
        coverage.server = coverageOf(operationIds, judged.exchanges, judged.value.value.skipped, chosen);
        const outcome = judged.value.value.api;
        const casing = casings.size > 1 ? 'mixed' : [...casings][0];
        api = outcome && { ...outcome, ...(casing ? { jsonCasing: casing } : {}) };
      }
    }
    if (targets.includes('client')) {
      const clientBase = 'https://em.vbem.test:9398';
      options.onProgress?.({ kind: 'target', target: 'client', description: `Client target: @vbem/client against @vbem/mock's fake as its fetch (in-process, ${clientBase}), once per representation: ${askedIn.map((r) => r.toUpperCase()).join(' and ')}` });
      const judged = await judgeTarget((onExchange) => runClientTarget({ baseUrl: clientBase, redactor, model, representations: askedIn, ...(options.signal ? { signal: options.signal } : {}), ...(chosen ? { operations: chosen } : {}) }, onExchange), {
        target: 'client',
        checks: checksOn.client,
        ...(chosen ? { operations: chosen } : {}),
        origin: new URL(clientBase).origin,
        redactor,
        onProgress: options.onProgress,
        keepExchanges: options.keepExchanges === true,
      });
      results.push(...judged.results);
      requests.client = judged.exchanges.filter((e) => e.sent !== false).length;
      coverage.client = coverageOf(operationIds, judged.exchanges, judged.value.skipped, chosen);
      keep('client', judged);
    }
  } finally {
    await fake?.close();
  }
  return {
    target: fake ? `built-in fake Enterprise Manager (${baseUrl})` : baseUrl,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    summary: summarize(results),
    results,
    requests,
    coverage,
    ...(api ? { api } : {}),
    ...(labActions ? { labActions } : {}),
    ...(selection.leftOut.length > 0 ? { checksLeftOut: selection.leftOut } : {}),
    ...(options.keepExchanges ? { exchanges: Object.fromEntries(Object.entries(exchanges).map(([target, list]) => [target, list.map((j) => ({ ...j, exchange: redactExchange(j.exchange, redactor) }))])) } : {}),
  };
}

