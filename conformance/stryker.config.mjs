import { strykerConfig } from '../stryker.base.mjs';

// Redaction, the read-only guard and plan of a run against a real server, TLS, the reporters.
export default strykerConfig(import.meta.dirname, [
  'src/redactor.ts',
  'src/targets/assert-safe-request.ts',
  'src/targets/plan-probes.ts',
  'src/tls/with-tls.ts',
  'src/reporters/**/*.ts',
  '!src/reporters/**/*.test.ts',
]);
