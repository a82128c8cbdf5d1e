import type { CodecIssue, IssueCode } from './errors.js';

/** At most this many errors (and as many warnings) are listed; the rest are counted in a last "N more" entry. */
export const MAX_ISSUES = 100;
const lenient = (code: IssueCode) => code === 'unknown' || code === 'text' || code === 'enum';

/** The issues of one decode, split into errors and the warnings lenient mode tolerates, each list capped. */
export class Issues {
  readonly errors: CodecIssue[] = [];
  readonly warnings: CodecIssue[] = [];
  private moreErrors = 0;
  private moreWarnings = 0;
  private moreErrorCode: IssueCode = 'value';
  private moreWarningCode: IssueCode = 'unknown';

  constructor(private readonly strict: boolean) {}

  /** Some error was found: the value will not be returned, so the reader stops collecting items. */
  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Whether an issue of `code` will be listed; if not, it is counted. Call before building the issue. */
  wants(code: IssueCode): boolean {
    if (this.strict || !lenient(code)) {
      if (this.errors.length < MAX_ISSUES) return true;
      // The entry's code is that of the first issue left out, or of the first one lenient mode would not tolerate.
      if (this.moreErrors++ === 0 || (lenient(this.moreErrorCode) && !lenient(code))) this.moreErrorCode = code;
      return false;
    }
    if (this.warnings.length < MAX_ISSUES) return true;
    if (this.moreWarnings++ === 0) this.moreWarningCode = code;
    return false;
  }

  add(issue: CodecIssue): void {
    if (this.strict || !lenient(issue.code)) this.errors.push(issue);
    else this.warnings.push(issue);
  }

  /** The errors, with the "N more" entry when some were only counted. */
  allErrors(): CodecIssue[] {
    return this.moreErrors === 0 ? this.errors : [...this.errors, more(this.moreErrors, this.moreErrorCode)];
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
