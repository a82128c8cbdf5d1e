import { builtinModel, decodeIn, encodeJsonIn, matchOperation, operationUrl, withFormat, type ApiModel, type ExampleSpec, type KeyCasing, type Representation } from '@vbem/models';
import { withModel } from '../exchange-model.js';
import type { ClientOutcome, Exchange, Probe } from '../exchange.js';

export interface ExchangeSpec {
  readonly method?: string;
  readonly url: string;
  readonly status: number;
  readonly body?: string;
  /** Response headers; Content-Type and Content-Length are filled in unless given (undefined leaves one out). */
  readonly headers?: Record<string, string | undefined>;
  readonly requestHeaders?: Record<string, string>;
  readonly probe?: Probe;
  readonly outcome?: ClientOutcome;
  readonly call?: string;
  readonly clientRepresentation?: Representation;
}

/** An exchange as the recorder would make it, for testing checks as the pure functions they are; matched in `model` (default: the built-in one). */
export function exchangeOf(spec: ExchangeSpec, model: ApiModel = builtinModel): Exchange {
  const method = spec.method ?? 'GET';
  const body = spec.body ?? '';
  const bodyBytes = Buffer.byteLength(body);
  const defaults: Record<string, string> = bodyBytes > 0 ? { 'content-type': 'application/xml; charset=utf-8', 'content-length': String(bodyBytes) } : {};
  const headers = Object.fromEntries(Object.entries({ ...defaults, ...spec.headers }).filter((e): e is [string, string] => e[1] !== undefined));
  return withModel(
    {
      operationId: matchOperation(method, new URL(spec.url), model)?.operation.id,
      ...(spec.probe ? { probe: spec.probe } : {}),
      ...(spec.call ? { call: spec.call } : {}),
      request: { method, url: spec.url, headers: spec.requestHeaders ?? { accept: 'application/xml' } },
      response: { status: spec.status, headers, body, bodyBytes },
      startedAt: '2025-01-14T00:00:00.000Z',
      durationMs: 1,
      ...(spec.outcome ? { outcome: spec.outcome } : {}),
      ...(spec.clientRepresentation ? { clientRepresentation: spec.clientRepresentation } : {}),
    },
    model,
  );
}

/** A documented example by file name, of `model` (default: the built-in one). */
export const example = (file: string, model: ApiModel = builtinModel): ExampleSpec => model.examples.find((e) => e.file === file)!;

/** The documented exchange of an example of `model`: its operation's URL on the origin its hrefs name, its status, its XML verbatim. */
export function documentedExchangeIn(model: ApiModel, file: string, overrides: Partial<ExchangeSpec> = {}): Exchange {
  const ex = example(file, model);
  const origin = new URL(/Href="([^"]+)"/.exec(ex.xml)![1]!).origin;
  const operation = model.operations[ex.operation!]!;
  const url = withFormat(operationUrl(origin, operation, ex.params ?? {}, ex.query ?? {}, model), ex.format ?? 'default');
  return exchangeOf({ method: operation.method, url: url.href, status: ex.status ?? 200, body: ex.xml, ...overrides }, model);
}

/** The documented exchange of an example of the built-in spec. */
export const documentedExchange = (file: string, overrides: Partial<ExchangeSpec> = {}): Exchange => documentedExchangeIn(builtinModel, file, overrides);

/** The request headers of a read asked for in JSON. */
export const ASK_JSON = { accept: 'application/json' } as const;

/**
 * The documented exchange of an example, asked for and answered in JSON: its XML decoded and written
 * by the JSON codec (PascalCase unless told), `edit` applied to the parsed JSON before it is sent.
 */
export function documentedJsonExchange(file: string, options: { casing?: KeyCasing; edit?: (json: Record<string, unknown>) => void; overrides?: Partial<ExchangeSpec> } = {}): Exchange {
  const ex = example(file);
  const json = JSON.parse(encodeJsonIn(builtinModel, ex.type, decodeIn(builtinModel, ex.type, ex.xml), { casing: options.casing ?? 'PascalCase' })) as Record<string, unknown>;
  options.edit?.(json);
  return documentedExchange(file, { body: JSON.stringify(json), headers: { 'content-type': 'application/json; charset=utf-8' }, requestHeaders: ASK_JSON, ...options.overrides });
}
