import type { Fault } from '@vbem/mock';
import { builtinModel } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { LOGGING_ON, logOnArgs, serveFake, terminal } from '../test/commands-that-log-on.js';
import { ExitStatus } from './exit-status.js';
import { main } from './main.js';

const { operations, api } = builtinModel;

/** The same fault on every request that needs the session (its logoff aside): whatever follows the logon fails. */
const afterLogon = (fault: Fault): Record<string, Fault> =>
  Object.fromEntries(Object.values(operations).filter((o) => o.auth === 'session' && o.id !== api.protocol.logoff).map((o) => [o.id, fault]));

/** Longer than any --timeout below: the server does not answer in time. */
const SILENCE_MS = 20_000;

describe.each(Object.entries(LOGGING_ON))('vbem %s', (name, { afterFailedRequest }) => {
  it.each([
    ['answered 500', { status: 500 }, []],
    ['not answered within --timeout', { latencyMs: SILENCE_MS }, ['--timeout', '500']],
  ] as const)('logs off when a request after its logon is %s', async (_how, fault, extra) => {
    const fake = await serveFake({ faults: afterLogon(fault) });
    try {
      expect(await main(logOnArgs(name, fake.url, ...extra), terminal().io)).toBe(afterFailedRequest);
      expect(fake.opened.length).toBeGreaterThan(0);
      expect(fake.state.logons.size).toBe(0);
    } finally {
      await fake.close();
    }
    // A conformance run waits --timeout on each request it sends to the silent server (about 40 s here) until it gives up on it.
  }, 180_000);

  it('logs off and exits 2 when interrupted (Ctrl-C) while a request after its logon waits', async () => {
    const fake = await serveFake({ faults: afterLogon({ latencyMs: SILENCE_MS }) });
    try {
      const controller = new AbortController();
      const run = main(logOnArgs(name, fake.url), terminal(controller.signal).io);
      await expect.poll(() => fake.received.some((r) => r.session), { timeout: 30_000 }).toBe(true);
      controller.abort();
      expect(await run).toBe(ExitStatus.couldNotRun);
      expect(fake.opened.length).toBeGreaterThan(0);
      expect(fake.state.logons.size).toBe(0);
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('logs off the session its logon opens when interrupted (Ctrl-C) during that logon', async () => {
    // The server takes a while to open the session, as Enterprise Manager does while it checks the password.
    const fake = await serveFake({ faults: { [api.protocol.logon]: { latencyMs: 1000 } } });
    try {
      const controller = new AbortController();
      const run = main(logOnArgs(name, fake.url), terminal(controller.signal).io);
      await expect.poll(() => fake.received.some((r) => r.basic), { timeout: 30_000 }).toBe(true);
      controller.abort();
      expect(await run).toBe(ExitStatus.couldNotRun);
      // A command that gave up on its logon would leave the session the server opens afterwards.
      await expect.poll(() => fake.opened.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(fake.state.logons.size).toBe(0);
    } finally {
      await fake.close();
    }
  }, 120_000);
});
