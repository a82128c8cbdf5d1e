import { createClient } from '@vbem/client';
import { UsageError } from '@vbem/conformance';
import { defaultCredentials, serveMock } from '@vbem/mock';
import { builtinModel } from '@vbem/models';
import type { CliIo } from './cli-io.js';
import { collectionsOf, defaultColumns, scalarFieldsOf, type Collection } from './collections.js';
import { CONNECTION_HELP, CONNECTION_OPTIONS } from './connection-options.js';
import { ExitStatus } from './exit-status.js';
import { formatTable } from './format-table.js';
import { inSpecOrder } from './in-spec-order.js';
import { parseBaseUrl } from './parse-base-url.js';
import { parseCommandLine, wholeNumber } from './parse-command-line.js';
import { parseRepresentation } from './parse-representation.js';
import { readCaFile } from './read-ca-file.js';
import { readPassword } from './read-password.js';

export const LIST_HELP = `Usage: vbem list [COLLECTION] [options]

Lists the items of a collection of an Enterprise Manager (of the built-in fake without --base-url),
in its entity form, as a table or as JSON; GETs only, besides its own logon and logoff. Without a
COLLECTION, prints the collections the spec knows, with their default columns.

  --columns A,B,…       the fields to show (default: Name, then the item's enums, dates, numbers and booleans)
  --json                print the items as JSON instead of a table (vbem's own, whichever representation was read)
  --representation R    the body Enterprise Manager is asked for: xml or json (default: xml)
${CONNECTION_HELP}
  -h, --help            this text`;

/** Said once when the server's JSON keys were camelCase: read all the same, but a script reading them by the documented names would not find them. */
export const CAMEL_CASE_NOTE = "the server's JSON keys are camelCase (as Enterprise Manager 13 writes them), not the documented PascalCase; vbem read them all the same, a script looking up the documented names would not";

const options = {
  ...CONNECTION_OPTIONS,
  columns: { type: 'string' },
  json: { type: 'boolean', default: false },
  representation: { type: 'string', default: 'xml' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * `vbem list [collection]`: logs on, lists the collection as the spec's operation table says (no
 * collection is named in this code), prints it, logs off. Without a collection, prints what there is.
 * @example process.exitCode = await listCommand([collection, '--base-url', url, '--username', 'svc'], io)
 */
export async function listCommand(args: readonly string[], io: CliIo): Promise<number> {
  const named = args[0] !== undefined && !args[0].startsWith('-') ? args[0] : undefined;
  const values = parseCommandLine(named === undefined ? args : args.slice(1), options);
  if (values.help) {
    io.stdout.write(`${LIST_HELP}\n`);
    return ExitStatus.ok;
  }
  const model = builtinModel;
  const collections = collectionsOf(model);
  if (named === undefined) {
    io.stdout.write(formatTable([...collections.values()].map((c) => ({ collection: c.group, items: c.items.type, columns: defaultColumns(model.xmlMaps[c.items.type]!).join(',') })), ['collection', 'items', 'columns']));
    return ExitStatus.ok;
  }
  const collection = collections.get(named);
  if (!collection) throw new UsageError('collection', `one of ${[...collections.keys()].join(', ')}`, `'${named}'`);
  const columns = columnsOf(collection, values.columns);
  const representation = parseRepresentation('--representation', values.representation);

  const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']);
  if (baseUrl !== undefined && values.username === undefined) throw new UsageError('--username', `the user to log on to ${baseUrl} as`, 'none');
  const ca = await readCaFile(values.ca);
  const timeoutMs = wholeNumber('--timeout', values.timeout, 1);
  const password = baseUrl === undefined ? defaultCredentials.password : readPassword(io.env, values['password-env']);
  const fake = baseUrl === undefined ? await serveMock() : undefined;
  let camelCase = false;
  try {
    await using client = createClient({
      baseUrl: baseUrl ?? fake!.url,
      username: fake ? defaultCredentials.user : values.username!,
      password,
      representation,
      onCasing: (casing) => void (camelCase ||= casing === 'camelCase'),
      rejectUnauthorized: !values.insecure,
      ...(ca !== undefined ? { ca } : {}),
      ...(values.servername !== undefined ? { servername: values.servername } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    const group = (client as unknown as Record<string, Record<string, (options: { signal?: AbortSignal }) => Promise<Record<string, unknown>>>>)[collection.group]!;
    const body = await group[collection.plan.name]!.call(group, io.signal ? { signal: io.signal } : {});
    const items = (body[collection.items.element] ?? []) as Record<string, unknown>[];
    io.stdout.write(values.json ? `${JSON.stringify(inSpecOrder(model, collection.items.type, items), null, 2)}\n` : formatTable(items, columns));
    if (camelCase) io.stderr.write(`vbem list: note: ${CAMEL_CASE_NOTE}\n`);
    return ExitStatus.ok;
  } finally {
    await fake?.close();
  }
}

/** The columns asked for, each a scalar field of the items; the default ones when none are. */
function columnsOf(collection: Collection, asked: string | undefined): string[] {
  const map = builtinModel.xmlMaps[collection.items.type]!;
  if (asked === undefined) return defaultColumns(map);
  const known = scalarFieldsOf(map);
  const columns = asked.split(',').map((c) => c.trim()).filter((c) => c !== '');
  const unknown = columns.filter((c) => !known.includes(c));
  if (columns.length === 0 || unknown.length > 0) throw new UsageError('--columns', `fields of ${collection.items.type}: ${known.join(', ')}`, `'${asked}'`);
  return columns;
}
