/** The parts of a request the mock reads: a Fetch `Request` view or a thin node:http one. */
export interface MockRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: { get(name: string): string | null };
  /** The request body, read on demand (empty when there is none). */
  readonly body?: () => Promise<Uint8Array>;
}

/** What the mock answers, before any transport: a response, or a connection to drop. */
export type MockResponse =
  | { readonly reset: true }
  | {
      readonly reset?: false;
      readonly status: number;
      /** Header names as sent; never changed after the response is made. */
      readonly headers: Readonly<Record<string, string>>;
      /** Null for no body (204). */
      readonly body: Uint8Array<ArrayBuffer> | null;
    };
