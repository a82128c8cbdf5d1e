import type { MockRequest, MockResponse } from './mock-request.js';

/** A Fetch `Request` as the mock reads it. */
export const viewOfRequest = (request: Request): MockRequest => ({
  method: request.method,
  url: new URL(request.url),
  headers: request.headers,
  body: async () => new Uint8Array(await request.clone().arrayBuffer()),
});

/** A fetch call's arguments as the mock reads them, without building a `Request` (the costliest part of an in-process call). */
export const viewOfCall = (input: string | URL, init: RequestInit = {}): MockRequest => ({
  method: (init.method ?? 'GET').toUpperCase(),
  url: new URL(input),
  headers: new Headers(init.headers),
  body: async () => new Uint8Array(await new Response(init.body ?? null).arrayBuffer()),
});

/** A mock response as a Fetch `Response`; undefined for a connection reset, which each transport makes its own way. */
export const toResponse = (response: MockResponse): Response | undefined =>
  response.reset ? undefined : new Response(response.body, { status: response.status, headers: response.headers });
