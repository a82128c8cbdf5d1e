import { strykerConfig } from '../../stryker.base.mjs';

// The fake's query service: filters, sorting and pages that tests of the client trust.
export default strykerConfig(import.meta.dirname, ['src/query/**/*.ts', '!src/query/**/*.test.ts']);
