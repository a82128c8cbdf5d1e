import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * What a careful user's tsconfig says: NodeNext, strict, and the declarations of every installed
 * package checked too (`skipLibCheck: false`), so a declaration file left out of a tarball or a
 * type that no longer resolves is an error instead of a silent `any`.
 */
export const CONSUMER_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  types: ['node'],
} as const;

export interface CompileError {
  /** Relative to the project; `(global)` for an error of no file. */
  readonly file: string;
  readonly code: number;
  readonly message: string;
}

/**
 * Writes the project's tsconfig.json (the files given, the options above) and type-checks it with
 * the repository's TypeScript, as `tsc -p <dir>` would: every error, by file.
 */
export function typeCheck(dir: string, files: readonly string[]): CompileError[] {
  const configFile = join(dir, 'tsconfig.json');
  writeFileSync(configFile, `${JSON.stringify({ compilerOptions: CONSUMER_COMPILER_OPTIONS, files }, null, 2)}\n`);
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`${configFile}: not a tsconfig`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return [...config.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => ({
    file: d.file ? relative(dir, d.file.fileName) : '(global)',
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
