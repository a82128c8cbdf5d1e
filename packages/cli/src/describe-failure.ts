import { NetworkError } from '@vbem/client';
import { LogonRefusedError, RunInterruptedError, TargetUnreachableError, UsageError } from '@vbem/conformance';
import { tlsHint } from './tls-hint.js';

/**
 * The one-line reason a command could not run, with a hint where one helps.
 * @example describeFailure(new TargetUnreachableError(url, 'ECONNREFUSED')) // 'could not reach …'
 */
export function describeFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  if (error instanceof UsageError) return `${message} (see --help)`;
  const hint = error instanceof TargetUnreachableError ? tlsHint(error.reason) : error instanceof NetworkError ? tlsHint(message) : undefined;
  if (hint !== undefined) return `${error instanceof NetworkError ? `${error.name}: ` : ''}${message} (${hint})`;
  if (error instanceof TargetUnreachableError || error instanceof LogonRefusedError || error instanceof RunInterruptedError) return message;
  return error instanceof Error ? `${error.name}: ${message}` : message;
}
