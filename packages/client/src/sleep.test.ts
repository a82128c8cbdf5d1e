import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './sleep.js';

afterEach(() => vi.useRealTimers());

describe('sleep', () => {
  it('sets no timer for no delay', async () => {
    vi.useFakeTimers();
    await expect(sleep(0, undefined)).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits its delay, and stops at once when the signal aborts', async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = sleep(50, undefined).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    const controller = new AbortController();
    const aborted = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
    await expect(sleep(0, controller.signal)).rejects.toThrow('stop');
  });
});
