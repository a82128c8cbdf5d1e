export { main, HELP } from './main.js';
export { conformanceCommand, CONFORMANCE_HELP } from './conformance-command.js';
export { listCommand, LIST_HELP } from './list-command.js';
export { mockCommand, MOCK_HELP } from './mock-command.js';
export { formatTable } from './format-table.js';
export { collectionsOf, defaultColumns } from './collections.js';
export { describeFailure } from './describe-failure.js';
export { ExitStatus } from './exit-status.js';

export type { CliIo } from './cli-io.js';
export type { Collection } from './collections.js';
