import type { CodecIssue, IssueCode } from './errors.js';

/**
 * At most this many errors (and as many warnings) are listed. One error more ends the decode (the body
 * is refused whatever follows, and reading on would only count) and adds a last entry saying so;
 * warnings past the cap are counted in a last "N more" entry, as the value is still read.
 */
export const MAX_ISSUES = 100;

/** Thrown by `Issues.wants` at the first error past the cap: the decode stops and refuses the body with the errors listed. */
export class IssueCapReached extends Error {}
const lenient = (code: IssueCode) => code === 'unknown' || code === 'text' || code === 'enum' || code === 'casing' || code === 'choice';

/** The issues of one decode, split into errors and the warnings lenient mode tolerates, each list capped. */
export class Issues {
  readonly errors: CodecIssue[] = [];
  readonly warnings: CodecIssue[] = [];
  /** Which documented forms the body used, where the documents disagree (one note per form, not per element). */
  readonly notes: CodecIssue[] = [];
  private readonly noted = new Set<string>();
  private moreErrorCode: IssueCode | undefined;
  private moreWarnings = 0;
  private moreWarningCode: IssueCode = 'unknown';

  constructor(private readonly strict: boolean) {}

  /** Some error was found: the value will not be returned, so the reader stops collecting items. */
  get failed(): boolean {
    return this.errors.length > 0;
  }

  /**
   * Whether an issue of `code` will be listed; a warning past the cap is counted instead. Call before building the issue.
   * @throws {IssueCapReached} for an error past the cap.
   */
  wants(code: IssueCode): boolean {
    if (this.strict || !lenient(code)) {
      if (this.errors.length < MAX_ISSUES) return true;
      this.moreErrorCode = code;
      throw new IssueCapReached();
    }
    if (this.warnings.length < MAX_ISSUES) return true;
    if (this.moreWarnings++ === 0) this.moreWarningCode = code;
    return false;
  }

  add(issue: CodecIssue): void {
    if (this.strict || !lenient(issue.code)) this.errors.push(issue);
    else this.warnings.push(issue);
  }

  /** Notes that the body used `form`, documented in `where`, for the element `name` (first time only). */
  note(path: string, name: string, form: string, where: string): void {
    if (this.noted.has(form)) return;
    this.noted.add(form);
    this.notes.push({ path, expected: `<${name}>`, actual: `<${form}>, the form ${where} documents`, code: 'form' });
  }

  /** The errors, with a last entry when the decode stopped at the cap. */
  allErrors(): CodecIssue[] {
    if (this.moreErrorCode === undefined) return this.errors;
    return [...this.errors, { path: '/', expected: `at most ${MAX_ISSUES} issues listed`, actual: 'more: the rest of the body was not read', code: this.moreErrorCode }];
  }

  allWarnings(): CodecIssue[] {
    return this.moreWarnings === 0 ? this.warnings : [...this.warnings, more(this.moreWarnings, this.moreWarningCode)];
  }
}

const more = (count: number, code: IssueCode): CodecIssue => ({
  path: '/',
  expected: `at most ${MAX_ISSUES} issues listed`,
  actual: `${count} more`,
  code,
});
