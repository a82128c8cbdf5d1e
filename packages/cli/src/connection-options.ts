import { DEFAULT_PASSWORD_ENV } from './read-password.js';

/** The options that say which Enterprise Manager to talk to and how, shared by every command that logs on. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  username: { type: 'string' },
  'password-env': { type: 'string', default: DEFAULT_PASSWORD_ENV },
  insecure: { type: 'boolean', default: false },
  ca: { type: 'string' },
  servername: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const CONNECTION_HELP = `  --base-url URL        the Enterprise Manager, as https://em.example:9398 (default: the built-in fake)
  --username U          the user to log on as (required with --base-url)
  --password-env VAR    the environment variable holding the password (default: ${DEFAULT_PASSWORD_ENV})
  --insecure            accept any TLS certificate (default: certificates are verified)
  --ca FILE             trust the CA certificate(s) in this PEM file (default: the system's)
  --servername NAME     the name the server's certificate must carry (default: the host of --base-url)
  --timeout MS          milliseconds each request may take (default: 30000)
  HTTPS_PROXY, HTTP_PROXY and NO_PROXY in the environment are honoured.`;
