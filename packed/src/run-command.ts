import { spawn } from 'node:child_process';

export interface CommandResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  /** Extra variables on top of `userEnv()`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Killed (SIGTERM) after this long (default: 10 minutes). */
  readonly timeoutMs?: number;
}

/**
 * The environment a user's shell would give: without the variables pnpm sets for the script running
 * this test, so npm and node in the scratch project behave as they would outside the workspace.
 */
export function userEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^pnpm_/i.test(name) && name.toLowerCase() !== 'npm_config_user_agent'));
  return { ...env, ...extra };
}

/** Runs a command to its end and gives its exit and output, whatever the exit code. */
export function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: userEnv(options.env), timeout: options.timeoutMs ?? 600_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The stdout of a command that must succeed; otherwise an error with its exit and stderr. */
export async function outputOf(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${options.cwd}): expected exit 0, got ${result.code ?? result.signal}\n${result.stderr.slice(-4000)}`);
  }
  return result.stdout;
}
