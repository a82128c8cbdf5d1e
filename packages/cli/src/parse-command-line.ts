import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '@vbem/conformance';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>>['values'];

/**
 * Parses a command's arguments strictly; any mistake is a UsageError naming the option. A
 * `--password` is refused with the reason: passwords do not belong on a command line.
 * @example parseCommandLine(['--sample', '3'], { sample: { type: 'string' } }).sample // '3'
 */
export function parseCommandLine<O extends Options>(args: readonly string[], options: O): Values<O> {
  if (args.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new UsageError('--password', 'the password in an environment variable (--password-env, default VBEM_PASSWORD)', 'it on the command line, where other users and shell history can read it');
  }
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, strict: true as const, allowPositionals: false as const }).values;
  } catch (error) {
    throw new UsageError('arguments', 'the options listed by --help', (error as Error).message.split('\n')[0]!);
  }
}

/**
 * `--sample -1` as `--sample=-1`: parseArgs takes a value that starts with a dash for an option, so
 * the number would never reach the range check that explains what is wrong with it.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

/**
 * A whole number from an option's text, from `min` up to `max`.
 * @example wholeNumber('--sample', '5', 0) // 5
 */
export function wholeNumber(option: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  const range = max === Number.MAX_SAFE_INTEGER ? `from ${min}` : `from ${min} to ${max}`;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(option, `a whole number ${range}`, `'${text}'`);
  return n;
}
