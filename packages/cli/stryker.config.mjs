import { strykerConfig } from '../../stryker.base.mjs';

// The exit status scripts rely on (decided in main and the conformance command), and the connection options that keep TLS verification on.
export default strykerConfig(import.meta.dirname, [
  'src/main.ts',
  'src/conformance-command.ts',
  'src/connection-options.ts',
  'src/read-ca-file.ts',
  'src/parse-base-url.ts',
  'src/tls-hint.ts',
]);
