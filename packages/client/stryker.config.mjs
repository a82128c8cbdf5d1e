import { strykerConfig } from '../../stryker.base.mjs';

// Secrets kept out of errors and output, logon/logoff, the base URL and TLS verification.
export default strykerConfig(import.meta.dirname, [
  'src/redact.ts',
  'src/secret-forms.ts',
  'src/scrub-error.ts',
  'src/session.ts',
  'src/logon-session-id.ts',
  'src/normalize-base-url.ts',
  'src/tls-dispatcher.ts',
]);
