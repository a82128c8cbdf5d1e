import { expect, it } from 'vitest';
import { RunInterruptedError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import { documentedExchange } from '../test-support/exchange-of.js';
import { stopAfterTransportFailures } from './stop-after-transport-failures.js';

const answered = documentedExchange('cloud-failover-sessions.refs.xml');
const { response: _response, ...unanswered } = answered;
const failed = (n: number): Exchange => ({ ...unanswered, error: `TimeoutError: failure ${n}` });
const foreign: Exchange = { ...failed(0), probe: 'foreign-origin' };

/** A target that reports the exchanges one by one and, like the server target, throws RunInterruptedError once its signal aborted. */
const target = (exchanges: readonly Exchange[]) => async (signal: AbortSignal, onExchange: (e: Exchange) => void | Promise<void>) => {
  let sent = 0;
  for (const exchange of exchanges) {
    if (signal.aborted) throw new RunInterruptedError(true);
    await onExchange(exchange);
    sent++;
  }
  return sent;
};

it('stops the run at the max-th failure in a row and says which exchange stopped it', async () => {
  const seen: Exchange[] = [];
  const outcome = await stopAfterTransportFailures({ max: 2 }, (e) => void seen.push(e), target([answered, failed(1), failed(2), answered, failed(3)]));
  expect(outcome).toEqual({ stopped: { exchange: failed(2), failures: 2, loggedOff: true } });
  expect(seen).toEqual([answered, failed(1), failed(2)]);
});

it('does not stop for failures that an answered request separates, nor count links to another origin', async () => {
  const outcome = await stopAfterTransportFailures({ max: 2 }, () => undefined, target([failed(1), answered, failed(2), foreign, foreign, answered, failed(3)]));
  expect(outcome).toEqual({ value: 7 });
});

it('lets a stop through the caller\'s own signal through as the RunInterruptedError it is', async () => {
  const caller = new AbortController();
  const run = stopAfterTransportFailures({ max: 1, signal: caller.signal }, () => caller.abort(), target([failed(1), failed(2)]));
  await expect(run).rejects.toBeInstanceOf(RunInterruptedError);
});

it('passes on any other error of the target', async () => {
  const boom = new Error('boom');
  await expect(stopAfterTransportFailures({ max: 1 }, () => undefined, async () => Promise.reject(boom))).rejects.toBe(boom);
});
