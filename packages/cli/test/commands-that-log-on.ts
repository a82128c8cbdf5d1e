import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHandlers, createMockState, nodeListener, type Fault, type MockState } from '@vbem/mock';
import { builtinModel } from '@vbem/models';
import type { CliIo } from '../src/cli-io.js';
import { collectionsOf } from '../src/collections.js';
import { ExitStatus } from '../src/exit-status.js';
import { COMMAND_NAMES, main } from '../src/main.js';

export const USER = 'svc';
export const PASSWORD = 'cli-test-password';

/** An in-memory terminal: what the command wrote, the environment it sees (the password), and its stop signal. */
export function terminal(signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: { VBEM_PASSWORD: PASSWORD }, ...(signal ? { signal } : {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

export interface LoggingOn {
  /** The arguments, besides the connection options, that make the command log on and send requests. */
  readonly args: readonly string[];
  /** Its exit status when the server answers a request after the logon with an error or not at all. */
  readonly afterFailedRequest: number;
}

/**
 * Every command that takes --base-url, and how to make it log on. A new such command must be
 * added here: `every command that takes --base-url is listed` fails until it is.
 */
export const LOGGING_ON: Readonly<Record<string, LoggingOn>> = {
  // A failed request is a failed check, not a run that could not run.
  conformance: { args: ['--sample', '0'], afterFailedRequest: ExitStatus.failed },
  list: { args: [[...collectionsOf(builtinModel).keys()][0]!], afterFailedRequest: ExitStatus.couldNotRun },
};

/** The commands whose --help offers --base-url, found through `main` as a user would. */
export async function commandsTakingBaseUrl(): Promise<string[]> {
  const taking: string[] = [];
  for (const name of COMMAND_NAMES) {
    const t = terminal();
    await main([name, '--help'], t.io);
    if (/^\s+--base-url\b/m.test(t.stdout())) taking.push(name);
  }
  return taking;
}

/** The command line that makes `name` log on to `baseUrl` as USER. */
export const logOnArgs = (name: string, baseUrl: string, ...extra: string[]): string[] => [name, ...LOGGING_ON[name]!.args, '--base-url', baseUrl, '--username', USER, ...extra];

/** A request as the fake's server received it. */
export interface Received {
  readonly method: string;
  readonly path: string;
  /** Whether it carried Basic credentials (the logon's). */
  readonly basic: boolean;
  /** Whether it carried a session token. */
  readonly session: boolean;
}

export interface Fake {
  readonly url: string;
  readonly state: MockState;
  /** The ids of the logon sessions it opened, in order (whether or not they are still open). */
  readonly opened: string[];
  /** Every request that reached it, before its faults apply. */
  readonly received: Received[];
  close(): Promise<void>;
}

/**
 * A fake of the test's own on a loopback port, with its faults, over HTTP or (given a certificate)
 * HTTPS; it records every request that reaches it and every logon session it opens.
 */
export async function serveFake(options: { faults?: Record<string, Fault>; tls?: { key: string; cert: string } } = {}): Promise<Fake> {
  const state = createMockState({ entities: 2, users: { [USER]: PASSWORD } });
  const opened: string[] = [];
  const set = state.logons.set.bind(state.logons);
  state.logons.set = (token, logon) => (opened.push(logon.id), set(token, logon));
  const received: Received[] = [];
  const answer = nodeListener(createHandlers(state, { faults: options.faults ?? {} }));
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    received.push({ method: req.method ?? '', path: req.url ?? '', basic: /^Basic /i.test(req.headers.authorization ?? ''), session: req.headers[builtinModel.api.sessionHeader.toLowerCase()] !== undefined });
    answer(req, res);
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    opened,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
