import { RunInterruptedError } from '../errors.js';
import type { Exchange } from '../exchange.js';

/** Why a run was stopped early: the requests in a row that got no complete response. */
export interface TransportStop {
  /** The last of the failed exchanges, the one that stopped the run. */
  readonly exchange: Exchange;
  /** How many requests in a row failed. */
  readonly failures: number;
  /** Whether the run's session was closed before it stopped. */
  readonly loggedOff: boolean;
}

type OnExchange = (exchange: Exchange) => void | Promise<void>;

/**
 * Runs a target with a signal that stops it after `max` requests in a row got no complete response
 * (the `transport` check fails them): a server that stops answering or drips ends the run after
 * `max` time limits instead of one per planned request. The target logs off and throws
 * RunInterruptedError when its signal aborts; that throw, when this breaker caused it, becomes
 * `{ stopped }`. A stop through `signal` is rethrown as it came.
 * @example const r = await stopAfterTransportFailures({ max: 3, signal }, onExchange, (signal, onExchange) => runServerTarget({ ...options, signal }, onExchange))
 */
export async function stopAfterTransportFailures<T>(
  options: { readonly max: number; readonly signal?: AbortSignal | undefined },
  onExchange: OnExchange,
  run: (signal: AbortSignal, onExchange: OnExchange) => Promise<T>,
): Promise<{ readonly value: T } | { readonly stopped: TransportStop }> {
  const breaker = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, breaker.signal]) : breaker.signal;
  let inRow = 0;
  let tripped: Exchange | undefined;
  const counted: OnExchange = (exchange) => {
    // A link to another origin is never sent: it says nothing about the server.
    if (exchange.probe !== 'foreign-origin') inRow = exchange.error === undefined ? 0 : inRow + 1;
    if (tripped === undefined && inRow >= options.max) {
      tripped = exchange;
      breaker.abort();
    }
    return onExchange(exchange);
  };
  try {
    return { value: await run(signal, counted) };
  } catch (error) {
    if (tripped === undefined || options.signal?.aborted || !(error instanceof RunInterruptedError)) throw error;
    return { stopped: { exchange: tripped, failures: options.max, loggedOff: error.loggedOff } };
  }
}
