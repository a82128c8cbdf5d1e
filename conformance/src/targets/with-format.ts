/**
 * The query parameter that picks a representation (`?format=Entity`). It is the one name the
 * models' `formatOf` reads; the spec lists formats per response but not the parameter itself.
 */
export const FORMAT_PARAM = 'format';

/**
 * The URL asking for one representation: 'default' asks for none.
 * @example withFormat(new URL('https://em:9398/api/cloud/failoverSessions'), 'Entity').search // '?format=Entity'
 */
export function withFormat(url: URL, format: string): URL {
  const out = new URL(url);
  if (format === 'default') out.searchParams.delete(FORMAT_PARAM);
  else out.searchParams.set(FORMAT_PARAM, format);
  return out;
}
