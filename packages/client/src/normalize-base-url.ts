import { builtinModel, type ApiModel } from '@vbem/models';
import { BaseUrlError } from './errors.js';

const EXAMPLE = 'an absolute http(s) URL such as https://em.example.com:9398';
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/**
 * The server address requests are built on, from what a user typed: an http(s) URL with or without
 * the API's base path (`/api`) and trailing slash; query and fragment dropped. `https://em:9398/api/`
 * and `https://em:9398` name the same server. A host without a scheme is refused with the fix
 * (`did you mean https://localhost:9399?`); a URL with a user name or password in it is refused
 * without echoing them.
 * @throws {BaseUrlError} when the input is not such a URL.
 * @example normalizeBaseUrl('https://em.example.com:9398/api/').href // 'https://em.example.com:9398/'
 */
export function normalizeBaseUrl(input: string | URL, model: ApiModel = builtinModel): URL {
  const text = String(input).trim();
  if (!HAS_SCHEME.test(text)) {
    const guess = parsed(`https://${text.replace(/^\/+/, '')}`);
    if (guess && hasCredentials(guess)) throw credentialsError(guess);
    const suggestion = guess && guess.hostname !== '' ? strip(guess, model.api.basePath).href.replace(/\/$/, '') : undefined;
    throw new BaseUrlError(EXAMPLE, text.includes('@') ? 'a URL without a scheme' : `'${text}', which has no scheme`, suggestion);
  }
  const url = parsed(text);
  if (!url) throw new BaseUrlError(EXAMPLE, text.includes('@') ? 'a URL that does not parse' : `'${text}', which does not parse`);
  if (hasCredentials(url)) throw credentialsError(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BaseUrlError('an http: or https: URL', `${url.protocol} in '${url.href}'`);
  return strip(url, model.api.basePath);
}

const parsed = (text: string): URL | undefined => (URL.canParse(text) ? new URL(text) : undefined);
const hasCredentials = (url: URL) => url.username !== '' || url.password !== '';

function credentialsError(url: URL): BaseUrlError {
  url.username = '';
  url.password = '';
  return new BaseUrlError(
    'a URL without a user name or password (give the user and password as options; a password in a URL ends up in logs and shell history)',
    `one with credentials in it (shown without them: ${url.href})`,
  );
}

/** Query, fragment, trailing slashes and the API's base path removed. */
function strip(url: URL, basePath: string): URL {
  const out = new URL(url.href);
  out.search = '';
  out.hash = '';
  const path = out.pathname.replace(/\/+$/, '');
  out.pathname = path.endsWith(basePath) ? path.slice(0, -basePath.length) || '/' : path || '/';
  return out;
}
