/** Where the command writes and what it reads from its process: injectable for tests. */
export interface CliIo {
  /** Where reports and progress go; colour only when `isTTY` (required). */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Where the one-line reason of a run that could not run goes (required). */
  readonly stderr: { write(text: string): unknown };
  /** The environment: the password is read from it, and NO_COLOR (required). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT or SIGTERM: a run logs off and stops, `mock serve` stops. (default: never) */
  readonly signal?: AbortSignal;
}
