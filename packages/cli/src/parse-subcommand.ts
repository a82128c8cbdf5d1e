import { UsageError } from '@vbem/conformance';
import type { CliIo } from './cli-io.js';
import { ExitStatus } from './exit-status.js';
import { parseCommandLine, type Options, type Values } from './parse-command-line.js';

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

export interface Subcommand<O extends Options> {
  /** The command and its one subcommand, as `vbem mock` and `serve`. */
  readonly command: string;
  readonly sub: string;
  readonly help: string;
  /** Its options; `--help` is added. */
  readonly options: O;
}

/**
 * `vbem <command> <sub> [options]`: the option values, or the exit status once help was printed
 * (`vbem <command>` alone prints it and could not run; `--help` prints it and succeeds).
 * @example const values = parseSubcommand(['list', '--username', 'svc'], sessions, io); if (typeof values === 'number') return values;
 */
export function parseSubcommand<O extends Options>(args: readonly string[], spec: Subcommand<O>, io: CliIo): Values<O & typeof HELP> | number {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === undefined) {
    io.stdout.write(`${spec.help}\n`);
    return sub === undefined ? ExitStatus.couldNotRun : ExitStatus.ok;
  }
  if (sub !== spec.sub) throw new UsageError('subcommand', `${spec.sub} (${spec.command} ${spec.sub})`, `'${sub}'`);
  const values = parseCommandLine(rest, { ...spec.options, ...HELP }) as Values<O & typeof HELP> & { help: boolean };
  if (values.help) {
    io.stdout.write(`${spec.help}\n`);
    return ExitStatus.ok;
  }
  return values;
}
