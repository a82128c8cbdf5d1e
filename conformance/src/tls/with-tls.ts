import { tlsDispatcher } from '@vbem/client';
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';

export interface TlsOptions {
  /** Accept any server certificate (Enterprise Manager's self-signed one, say). (default: false) */
  readonly insecure?: boolean | undefined;
  /** PEM text of the CA certificate(s) to trust instead of the system's. (default: the system's) */
  readonly ca?: string | undefined;
  /** The name the certificate must carry, when it is not the host of the base URL. (default: that host) */
  readonly servername?: string | undefined;
}

/**
 * Runs `work` with fetch using the TLS settings and the proxy the environment names (HTTPS_PROXY,
 * NO_PROXY…), then restores the previous dispatcher. The settings go on the global dispatcher
 * because MSW's interceptor re-issues each request without its per-request `dispatcher`.
 * @example await withTls({ ca: readFileSync('em-ca.pem', 'utf8') }, () => runServerTarget(options, onExchange))
 */
export async function withTls<T>(tls: TlsOptions, work: () => Promise<T>, env: Readonly<Record<string, string | undefined>> = process.env): Promise<T> {
  const agent = tlsDispatcher({ ...(tls.insecure ? { rejectUnauthorized: false } : {}), ca: tls.ca, servername: tls.servername }, env);
  if (!agent) return work();
  const previous = getGlobalDispatcher();
  setGlobalDispatcher(agent);
  try {
    return await work();
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
}
