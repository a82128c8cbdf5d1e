import type { Exchange } from './exchange.js';
import { modelOf, withModel } from './exchange-model.js';

/**
 * Once an exchange is judged, the run keeps it without its body (`withoutBody`): a run of a large
 * server reads lists of thousands of items, and their bodies and decoded values would otherwise stay
 * in memory until the run-scope checks ran at its end. Those checks read the other exchanges through
 * small facts taken once from the whole exchange (`keptFacts`) and filed under the exchange kept.
 */

const dropped = new WeakSet<Exchange>();

/**
 * The exchange as the run keeps it once judged: the same request, status, headers and metadata
 * (and model), the response body dropped (`bodyBytes` still says how long it was).
 * @example const kept = withoutBody(exchange); kept.response?.body // ''
 */
export function withoutBody(exchange: Exchange): Exchange {
  if (!exchange.response || exchange.response.body === '') return exchange;
  const kept = withModel({ ...exchange, response: { ...exchange.response, body: '' } }, modelOf(exchange));
  dropped.add(kept);
  return kept;
}

/**
 * A copy of a decoded value (a reference a probe keeps for later) with strings of its own: a string
 * the codec cut from a body keeps the whole body in memory. Dates are kept as they are.
 * @example findings.refs.set(op, pickSample(carriers, 5).map(detached))
 */
export function detached<T>(value: T): T {
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('utf8') as T;
  if (Array.isArray(value)) return value.map(detached) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detached(v)])) as T;
  }
  return value;
}

/** Whether an exchange is one kept by `withoutBody`: its body is gone, only kept facts say what it held. */
export const bodyDropped = (exchange: Exchange): boolean => dropped.has(exchange);

/** Facts of exchanges taken once, from the whole exchange, and kept for the exchange without its body. */
export interface KeptFacts<F> {
  /** The facts of an exchange: those kept for it, else taken from it now (it must still have its body). */
  readonly of: (exchange: Exchange) => F;
  /** Takes the facts of `whole` and files them under `kept` (`withoutBody(whole)`). */
  readonly keep: (whole: Exchange, kept: Exchange) => void;
}

/**
 * A store of the facts `take` reads of an exchange, memoized per exchange (weakly: they go with it).
 * @example const pages = keptFacts((e) => queryPageOf(e)); pages.keep(exchange, withoutBody(exchange))
 */
export function keptFacts<F>(take: (exchange: Exchange) => F, rebind: (facts: F, kept: Exchange) => F = (f) => f): KeptFacts<F> {
  const facts = new WeakMap<Exchange, { readonly facts: F }>();
  const of = (exchange: Exchange): F => {
    let found = facts.get(exchange);
    if (!found) facts.set(exchange, (found = { facts: take(exchange) }));
    return found.facts;
  };
  return { of, keep: (whole, kept) => void facts.set(kept, { facts: rebind(of(whole), kept) }) };
}
