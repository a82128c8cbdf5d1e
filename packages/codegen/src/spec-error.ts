/** One problem in the spec, located by file, line and the path inside the file. */
export interface SpecProblem {
  readonly file: string;
  readonly line: number;
  readonly path: string;
  readonly message: string;
}

export const formatProblem = (p: SpecProblem): string => `${p.file}:${p.line}: ${p.path}: ${p.message}`;

/** The spec could not be loaded; `problems` lists every problem found, each with file and line. */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(readonly problems: readonly SpecProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Two operations would get one client method by the path rule (packages/client/README.md, "Method names"). */
export class MethodNameCollisionError extends SpecError {
  override name = 'MethodNameCollisionError';
}
