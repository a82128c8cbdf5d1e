import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { CommonOptions } from './client-options.js';

/** The environment variables that name a proxy (NO_PROXY / no_proxy name the hosts that bypass it). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/**
 * An undici dispatcher with the TLS settings asked for and the proxy the environment names
 * (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, in either case), or undefined when there are neither
 * (the fetch's own defaults then apply). Node's global fetch takes it as `dispatcher`.
 * @example const dispatcher = tlsDispatcher({ ca: readFileSync('em-ca.pem', 'utf8'), servername: 'em.example.com' })
 */
export function tlsDispatcher(
  options: Pick<CommonOptions, 'rejectUnauthorized' | 'ca' | 'servername'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Dispatcher | undefined {
  const proxied = PROXY_VARIABLES.some((name) => env[name]);
  if (options.rejectUnauthorized === undefined && options.ca === undefined && options.servername === undefined && !proxied) return undefined;
  const ca = options.ca === undefined ? undefined : typeof options.ca === 'string' || Buffer.isBuffer(options.ca) ? options.ca : [...options.ca];
  const tls = {
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    ...(ca === undefined ? {} : { ca }),
    ...(options.servername === undefined ? {} : { servername: options.servername }),
  };
  if (!proxied) return new Agent({ connect: tls });
  // `requestTls` is the TLS of the tunnelled connection to the server; `connect` that of a direct one.
  return new EnvHttpProxyAgent({
    connect: tls,
    requestTls: tls,
    httpProxy: env.http_proxy || env.HTTP_PROXY || undefined,
    httpsProxy: env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY || undefined,
    noProxy: env.no_proxy || env.NO_PROXY || undefined,
  } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
}
