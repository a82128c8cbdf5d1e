/**
 * The same URL on another origin: the mock answers with hrefs built from the request's own origin.
 * @example atOrigin('https://localhost:9398/api/', 'http://127.0.0.1:5000') // 'http://127.0.0.1:5000/api/'
 */
export function atOrigin(href: string, origin: string): string {
  const url = new URL(href);
  return `${origin}${url.pathname}${url.search}`;
}

/** A deep copy of a model value with every `Href` moved to `origin` (Dates and other values kept). */
export function rebase<T>(value: T, origin: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rebase(v, origin)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'Href' && typeof v === 'string' ? atOrigin(v, origin) : rebase(v, origin);
  return out as T;
}
