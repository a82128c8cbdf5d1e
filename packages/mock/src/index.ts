export { createHandlers } from './create-handlers.js';
export { createMockFetch } from './create-mock-fetch.js';
export { createMockState } from './create-mock-state.js';
export { serveMock } from './serve-mock.js';
export { nodeListener } from './node-listener.js';
export { defaultCredentials } from './default-credentials.js';
export { QuerySyntaxError } from './query/query-syntax-error.js';
export { DEFAULT_PAGE_SIZE } from './query/run-query.js';
export { DEFAULT_IDLE_TIMEOUT_MS } from './authenticate.js';
export { DEFAULT_TASK_RUN_MS } from './protocol/tasks.js';
export { BAD_DATE } from './corrupt-value.js';
export { WRONG_NAMESPACE } from './corrupt-xml.js';

export type { MockStateOptions } from './create-mock-state.js';
export type { MockState, MockEntity, MockTask, MockLogon } from './mock-state.js';
export type { MockOptions, MockAuthOptions, MockTaskOptions } from './mock-options.js';
export type { Fault, MockFaults, Corruption, QueryFault, MutateContext } from './fault.js';
export type { ServeMockOptions, MockServer } from './serve-mock.js';
export type { MockFetch } from './create-mock-fetch.js';
