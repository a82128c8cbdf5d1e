import { UsageError } from '@vbem/conformance';

/** The name of the variable the password is read from, unless --password-env says another. */
export const DEFAULT_PASSWORD_ENV = 'VBEM_PASSWORD';

/**
 * The password from the environment variable named: never from the command line.
 * @example readPassword(process.env, 'VBEM_PASSWORD')
 */
export function readPassword(env: Readonly<Record<string, string | undefined>>, variable: string): string {
  const password = env[variable];
  if (password === undefined || password === '') throw new UsageError(`$${variable}`, 'the password in the environment', 'none');
  return password;
}
