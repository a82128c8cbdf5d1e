import { LogonRefusedError, RunInterruptedError, TargetUnreachableError, UsageError } from '@vbem/conformance';

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/**
 * The one-line reason a command could not run, with a hint where one helps.
 * @example describeFailure(new TargetUnreachableError(url, 'ECONNREFUSED')) // 'could not reach …'
 */
export function describeFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  if (error instanceof UsageError) return `${message} (see --help)`;
  if (error instanceof TargetUnreachableError && TLS_CODES.test(error.reason)) return `${message} (trust its certificate with --ca FILE, or --insecure for a test server)`;
  if (error instanceof TargetUnreachableError || error instanceof LogonRefusedError || error instanceof RunInterruptedError) return message;
  return error instanceof Error ? `${error.name}: ${message}` : message;
}
