/**
 * How the user runs `vbem`, for the commands it suggests: `pnpm vbem` from the repository's scripts
 * (`pnpm vbem`, `pnpm start`), `vbem` when installed.
 * @example commandName(process.env) // 'vbem'
 */
export function commandName(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_lifecycle_event === 'vbem' || env.npm_lifecycle_event === 'start' ? 'pnpm vbem' : 'vbem';
}
