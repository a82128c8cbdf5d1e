import type { MockFaults } from './fault.js';
import type { MockJsonOptions } from './json-styles.js';

/** How the mock enforces authentication. */
export interface MockAuthOptions {
  /** Check credentials on logon and a live session everywhere else; false serves everything to anyone. (default: true) */
  enforce?: boolean;
  /** Logoff ends the session; false answers 204 but keeps the session alive. (default: true) */
  logoffEnforced?: boolean;
  /** A session unused for this long is dead, in ms (Enterprise Manager: 15 minutes). (default: 900000) */
  idleTimeoutMs?: number;
}

/** Options of `createHandlers` (and `serveMock`); read on every request, so a test may change them. */
export interface MockOptions {
  /** Answer only requests to this origin, such as `https://em.test:9398`. (default: any origin) */
  baseUrl?: string;
  /** Faults to inject, by operation id. (default: none) */
  faults?: MockFaults;
  /** How authentication is enforced. (default: as Enterprise Manager does) */
  auth?: MockAuthOptions;
  /** How the tasks of actions run. */
  tasks?: MockTaskOptions;
  /** The casing and null style of JSON answers (sent when the request's Accept asks for `application/json`), e.g. `jsonStyles['13']`. (default: EM 12's: PascalCase, nulls written out) */
  json?: MockJsonOptions;
}

/** How the tasks actions start run. */
export interface MockTaskOptions {
  /** How long a task stays Running, in ms; 0 finishes it by the next request. (default: 0) */
  runMs?: number;
}
