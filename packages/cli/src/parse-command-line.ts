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
    return parseArgs({ args: [...args], options, strict: true as const, allowPositionals: false as const }).values;
  } catch (error) {
    throw new UsageError('arguments', 'the options listed by --help', (error as Error).message.split('\n')[0]!);
  }
}

/**
 * A whole number from an option's text.
 * @example wholeNumber('--sample', '5', 0) // 5
 */
export function wholeNumber(option: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new UsageError(option, `a whole number from ${min}`, `'${text}'`);
  return n;
}
