import { Agent } from 'undici';
import type { CommonOptions } from './client-options.js';

/**
 * An undici Agent with the TLS settings asked for, or undefined when none are set (the fetch's own
 * defaults then apply). Node's global fetch takes it as `dispatcher`.
 */
export function tlsDispatcher(options: Pick<CommonOptions, 'rejectUnauthorized' | 'ca'>): Agent | undefined {
  if (options.rejectUnauthorized === undefined && options.ca === undefined) return undefined;
  const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' || Buffer.isBuffer(options.ca) ? options.ca : [...options.ca];
  return new Agent({ connect: { rejectUnauthorized: options.rejectUnauthorized ?? true, ...(ca === undefined ? {} : { ca }) } });
}
