import { api } from '@vbem/models';

/**
 * The server address requests are built on: an http(s) URL without query or fragment, and without
 * the API's base path (`https://em:9398/api/` and `https://em:9398` name the same server).
 * @example baseUrlOf('https://em.example.com:9398/api/').href // 'https://em.example.com:9398/'
 */
export function baseUrlOf(input: string | URL): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new TypeError(`baseUrl: expected an absolute http(s) URL such as https://em.example.com:9398, got '${String(input)}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl: expected an http: or https: URL, got ${url.protocol} in '${url.href}'`);
  }
  if (url.username || url.password) throw new TypeError('baseUrl: expected no credentials in the URL; pass username and password as options');
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith(api.basePath) ? path.slice(0, -api.basePath.length) || '/' : path || '/';
  return url;
}
