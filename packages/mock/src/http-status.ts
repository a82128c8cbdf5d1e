/**
 * The HTTP statuses the mock answers with on its own (RFC 9110 meanings). Which of them an
 * operation documents is the spec's business; these are only the numbers' names.
 */
export const HttpStatus = {
  BadRequest: 400,
  Unauthorized: 401,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  NotImplemented: 501,
} as const;
