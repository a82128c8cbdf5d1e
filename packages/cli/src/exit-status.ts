/** The exit statuses of `vbem`. */
export const ExitStatus = {
  /** Every check passed (or the command did what it was asked). */
  ok: 0,
  /** A check failed. */
  failed: 1,
  /** It could not run: a usage error, an unreachable server, a refused logon, an interruption. */
  couldNotRun: 2,
} as const;
