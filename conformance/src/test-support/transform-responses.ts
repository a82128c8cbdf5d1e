import { getResponse, http, type RequestHandler } from 'msw';

/** A rewrite of what the fake is asked and answers: to break one rule of a correct server in a test. */
export interface ResponseTransform {
  /** The URL the fake is asked instead of the one requested (GETs only). (default: the same) */
  readonly request?: (url: URL) => URL;
  /** The body answered instead of the fake's (successful GETs only); told the URL that was requested. (default: the same) */
  readonly body?: (body: string, requested: URL) => string;
}

/**
 * The fake's handlers behind one that rewrites GETs by `transform()` (read on every request, so a
 * test may change it between runs): the request's URL before the fake sees it, the body after.
 * Content-Length follows the new body.
 * @example nodeListener(transformResponses(createHandlers(state), () => ({ request: (u) => dropFilter(u) })))
 */
export function transformResponses(handlers: RequestHandler[], transform: () => ResponseTransform | undefined): RequestHandler[] {
  return [
    http.all('*', async ({ request }) => {
      const t = transform();
      if (!t || request.method !== 'GET') return getResponse(handlers, request);
      const requested = new URL(request.url);
      const asked = t.request ? t.request(new URL(requested)) : requested;
      const response = await getResponse(handlers, new Request(asked, { method: 'GET', headers: request.headers }));
      if (!response || !t.body || response.status >= 300) return response;
      const body = t.body(await response.text(), requested);
      const headers = new Headers(response.headers);
      headers.set('content-length', String(Buffer.byteLength(body)));
      return new Response(body, { status: response.status, headers });
    }),
  ];
}
