import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';

export interface TlsOptions {
  /** Accept any server certificate (Enterprise Manager's self-signed one, say). (default: false) */
  readonly insecure?: boolean;
  /** PEM text of the CA certificate(s) to trust instead of the system's. (default: the system's) */
  readonly ca?: string;
}

/**
 * Runs `work` with fetch using the TLS settings, then restores the previous dispatcher. The
 * settings go on the global dispatcher because MSW's interceptor re-issues each request without
 * its per-request `dispatcher`.
 * @example await withTls({ ca: readFileSync('em-ca.pem', 'utf8') }, () => runServerTarget(options, onExchange))
 */
export async function withTls<T>(tls: TlsOptions, work: () => Promise<T>): Promise<T> {
  if (!tls.insecure && tls.ca === undefined) return work();
  const previous = getGlobalDispatcher();
  const agent = new Agent({ connect: { rejectUnauthorized: !tls.insecure, ...(tls.ca !== undefined ? { ca: tls.ca } : {}) } });
  setGlobalDispatcher(agent);
  try {
    return await work();
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
}
