export { main, HELP } from './main.js';
export { conformanceCommand, CONFORMANCE_HELP } from './conformance-command.js';
export { sessionsCommand, SESSIONS_HELP } from './sessions-command.js';
export { mockCommand, MOCK_HELP } from './mock-command.js';
export { formatSessions } from './format-sessions.js';
export { describeFailure } from './describe-failure.js';
export { ExitStatus } from './exit-status.js';

export type { CliIo } from './cli-io.js';
