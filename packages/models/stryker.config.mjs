import { strykerConfig } from '../../stryker.base.mjs';

// The XML codec: a silent bug here corrupts every body a user reads or sends.
export default strykerConfig(import.meta.dirname, ['src/codec/**/*.ts', '!src/codec/**/*.test.ts', '!src/codec/**/*.test-d.ts']);
