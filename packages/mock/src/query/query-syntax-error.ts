/** A query the mock cannot run: a filter it cannot parse, an unknown field or value, a bad page. */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
  constructor(
    message: string,
    /** The query parameter at fault (`filter`, `sortAsc`, `pageSize`, …). */
    readonly parameter: string,
    /** Where in its value, for a filter. */
    readonly position?: number,
  ) {
    super(message);
  }
}
