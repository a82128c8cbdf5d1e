import type { CliIo } from './cli-io.js';
import { cliVersion } from './cli-version.js';
import { ExitStatus } from './exit-status.js';

export const HELP = `Usage: vbem <command> [options]

  conformance        check an Enterprise Manager (or the built-in fake) against the spec
  list [COLLECTION]  list a collection of an Enterprise Manager (what there is, without one)
  mock serve         serve the built-in fake Enterprise Manager over HTTP

  --version          print the version of vbem

Run \`vbem <command> --help\` for a command's options.`;

// Each command is loaded when it runs: `vbem --help` loads none of the client, the fake or the suite.
const commands: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  conformance: async (args, io) => (await import('./conformance-command.js')).conformanceCommand(args, io),
  list: async (args, io) => (await import('./list-command.js')).listCommand(args, io),
  mock: async (args, io) => (await import('./mock-command.js')).mockCommand(args, io),
};

/** The names of the commands `vbem` knows, as typed after `vbem`. */
export const COMMAND_NAMES: readonly string[] = Object.keys(commands);

/**
 * The `vbem` command: picks the command and returns its exit status; anything that stops it is
 * reported as one line on stderr with status 2.
 * @example process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${HELP}\n`);
    return name === undefined ? ExitStatus.couldNotRun : ExitStatus.ok;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`vbem ${cliVersion()}\n`);
    return ExitStatus.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`vbem: expected a command (${Object.keys(commands).join(', ')}), got '${name}'; see vbem --help\n`);
    return ExitStatus.couldNotRun;
  }
  try {
    return await command(args, io);
  } catch (error) {
    const { describeFailure } = await import('./describe-failure.js');
    io.stderr.write(`vbem ${name}: ${describeFailure(error)}\n`);
    return ExitStatus.couldNotRun;
  }
}
