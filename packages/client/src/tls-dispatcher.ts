import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { CommonOptions } from './client-options.js';

/** The environment variables that name a proxy (NO_PROXY / no_proxy name the hosts that bypass it). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;
/** What bypasses the proxy when NO_PROXY is unset: no proxy can reach this machine's loopback. */
const LOOPBACK = 'localhost,127.0.0.1,::1';

/** NO_PROXY (or no_proxy) as set, even to nothing; the loopback names when neither is set. */
function noProxyOf(env: Readonly<Record<string, string | undefined>>): string {
  const given = [env.no_proxy, env.NO_PROXY];
  return given.find((v) => v) ?? (given.some((v) => v !== undefined) ? '' : LOOPBACK);
}

/**
 * An undici dispatcher with the TLS settings asked for and the proxy the environment names
 * (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, in either case; with NO_PROXY unset, loopback hosts are
 * reached directly), or undefined when there are neither
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
    noProxy: noProxyOf(env),
  } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
}
