import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandlers, createMockState, nodeListener, type Fault, type MockAuthOptions, type MockJsonOptions, type MockLogon, type MockState, type MockStateOptions } from '@vbem/mock';
import { transformResponses, type ResponseTransform } from './transform-responses.js';

/** The password the test fakes accept (a test value; the runner must never print it). */
export const TEST_PASSWORD = 'correct-horse-battery-staple';
export const TEST_USER = 'svc-conformance';

export interface ObservedMock {
  readonly url: string;
  readonly state: MockState;
  /** Every request the fake received, as the server saw it. */
  readonly received: { method: string; url: string }[];
  /** Every logon session the fake opened (tokens and ids, for the redaction tests). */
  readonly logons: MockLogon[];
  /** Faults by operation id: change them between runs. */
  readonly faults: Record<string, Fault>;
  /** How authentication is enforced: change it between runs. */
  readonly auth: MockAuthOptions;
  /** The casing and null style of its JSON answers (EM 12's unless set): change it between runs. */
  readonly json: MockJsonOptions;
  /** A rewrite of the GETs the fake is asked and of its answers (none: the fake as it is): change it between runs. */
  transform?: ResponseTransform;
  /** Clears faults, auth changes and the request log. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The fake Enterprise Manager over real HTTP on loopback, logging what reaches it, with faults and
 * auth options the test may change between runs (the handlers read them on every request); `options`
 * set the rest of its state (another model, microsecond timestamps).
 */
export async function startObservedMock(
  entities = 12,
  users: Readonly<Record<string, string>> = { [TEST_USER]: TEST_PASSWORD },
  options: Omit<MockStateOptions, 'entities' | 'users'> = {},
): Promise<ObservedMock> {
  const state = createMockState({ ...options, entities, users: { ...users } });
  const logons: MockLogon[] = [];
  const set = state.logons.set.bind(state.logons);
  state.logons.set = (token, logon) => (logons.push(logon), set(token, logon));
  const faults: Record<string, Fault> = {};
  const auth: MockAuthOptions = {};
  const json: MockJsonOptions = {};
  const received: { method: string; url: string }[] = [];
  const listener = nodeListener(transformResponses(createHandlers(state, { faults, auth, json }), () => observed.transform));
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '' });
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const observed: ObservedMock = {
    url: `http://127.0.0.1:${port}`,
    state,
    received,
    logons,
    faults,
    auth,
    json,
    reset() {
      for (const key of Object.keys(faults)) delete faults[key];
      for (const key of Object.keys(auth)) delete auth[key as keyof MockAuthOptions];
      for (const key of Object.keys(json)) delete json[key as keyof MockJsonOptions];
      received.length = 0;
      delete observed.transform;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return observed;
}
