import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { timeLimit } from './time-limit.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('aborts after its time with a TimeoutError inside AbortSignal.any, even after a garbage collection (Node 20 loses an AbortSignal.timeout there)', async () => {
  const signal = AbortSignal.any([new AbortController().signal, timeLimit(100)]);
  let fired = false;
  signal.addEventListener('abort', () => (fired = true));
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await expect.poll(() => fired, { timeout: 30_000 }).toBe(true);
  expect(signal.reason).toMatchObject({ name: 'TimeoutError', message: 'The operation was aborted due to timeout' });
}, 300_000);
