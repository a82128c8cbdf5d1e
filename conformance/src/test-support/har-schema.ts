/**
 * The HTTP Archive 1.2 format as a JSON Schema (draft-07), written from the HAR 1.2 specification
 * (Jan Odvarko, "HAR 1.2 Spec"; W3C Web Performance WG draft "HTTP Archive (HAR) format"): every
 * object with its required fields and types, no field the spec does not name except custom ones,
 * which must start with an underscore. Test support: a HAR reader's view of our files.
 */
const custom = { patternProperties: { '^_': {} }, additionalProperties: false } as const;
const nameValue = { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' }, comment: { type: 'string' } }, ...custom } as const;
const cookie = {
  type: 'object',
  required: ['name', 'value'],
  properties: { name: { type: 'string' }, value: { type: 'string' }, path: { type: 'string' }, domain: { type: 'string' }, expires: { type: ['string', 'null'] }, httpOnly: { type: 'boolean' }, secure: { type: 'boolean' }, comment: { type: 'string' } },
  ...custom,
} as const;
// ISO 8601, as the spec asks of startedDateTime (`2009-07-24T19:20:30.45+01:00`).
const isoDateTime = { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$' } as const;
const size = { type: 'integer', minimum: -1 } as const;
const timing = { type: 'number', minimum: -1 } as const;

export const harSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      properties: {
        version: { type: 'string', const: '1.2' },
        creator: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' }, comment: { type: 'string' } }, ...custom },
        browser: { type: 'object', required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' }, comment: { type: 'string' } }, ...custom },
        pages: { type: 'array' },
        comment: { type: 'string' },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            properties: {
              pageref: { type: 'string' },
              startedDateTime: isoDateTime,
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'],
                properties: {
                  method: { type: 'string' },
                  url: { type: 'string', pattern: '^https?://' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array', items: cookie },
                  headers: { type: 'array', items: nameValue },
                  queryString: { type: 'array', items: nameValue },
                  postData: {
                    type: 'object',
                    required: ['mimeType'],
                    properties: { mimeType: { type: 'string' }, text: { type: 'string' }, params: { type: 'array' }, comment: { type: 'string' } },
                    ...custom,
                  },
                  headersSize: size,
                  bodySize: size,
                  comment: { type: 'string' },
                },
                ...custom,
              },
              response: {
                type: 'object',
                required: ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize'],
                properties: {
                  status: { type: 'integer' },
                  statusText: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: { type: 'array', items: cookie },
                  headers: { type: 'array', items: nameValue },
                  content: {
                    type: 'object',
                    required: ['size', 'mimeType'],
                    properties: { size: { type: 'integer' }, compression: { type: 'integer' }, mimeType: { type: 'string' }, text: { type: 'string' }, encoding: { type: 'string' }, comment: { type: 'string' } },
                    ...custom,
                  },
                  redirectURL: { type: 'string' },
                  headersSize: size,
                  bodySize: size,
                  comment: { type: 'string' },
                },
                ...custom,
              },
              cache: { type: 'object', properties: { beforeRequest: { type: ['object', 'null'] }, afterRequest: { type: ['object', 'null'] }, comment: { type: 'string' } }, ...custom },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                properties: { blocked: timing, dns: timing, connect: timing, send: { type: 'number', minimum: 0 }, wait: { type: 'number', minimum: 0 }, receive: { type: 'number', minimum: 0 }, ssl: timing, comment: { type: 'string' } },
                ...custom,
              },
              serverIPAddress: { type: 'string' },
              connection: { type: 'string' },
              comment: { type: 'string' },
            },
            ...custom,
          },
        },
      },
      ...custom,
    },
  },
  ...custom,
} as const;
