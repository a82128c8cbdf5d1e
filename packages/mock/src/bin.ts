#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createMockState } from './create-mock-state.js';
import { jsonStyles, type JsonStyleVersion } from './json-styles.js';
import { defaultCredentials } from './default-credentials.js';
import { serveMock } from './serve-mock.js';

const HELP = `Usage: vbem-mock [options]

Serves a fake Veeam Enterprise Manager REST API over HTTP until SIGINT or SIGTERM.

  --port <n>       TCP port, 0 for a free one (default: 9399)
  --host <addr>    interface to listen on (default: 127.0.0.1)
  --entities <n>   generated entities per collection beside the documented ones (default: 8)
  --seed <n>       seed of the generated entities (default: 1)
  --user <name>    the user that may log on (default: ${defaultCredentials.user})
                   its password comes from VBEM_MOCK_PASSWORD (default: the README's)
  --json-style <v> the JSON (Accept: application/json) of Enterprise Manager v: 9.5 (PascalCase,
                   nulls left out), 12 (PascalCase, nulls written), 13 (camelCase) (default: 12)
  --help           this text`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9399' },
    host: { type: 'string', default: '127.0.0.1' },
    entities: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    user: { type: 'string', default: defaultCredentials.user },
    'json-style': { type: 'string', default: '12' },
    help: { type: 'boolean', default: false },
  },
});

const style = values['json-style'];
if (values.help) {
  console.log(HELP);
} else if (!Object.hasOwn(jsonStyles, style)) {
  console.error(`vbem-mock: --json-style: expected one of ${Object.keys(jsonStyles).sort((a, b) => Number(a) - Number(b)).join(', ')}, got ${style}`);
  process.exitCode = 2;
} else {
  const password = process.env.VBEM_MOCK_PASSWORD ?? defaultCredentials.password;
  const state = createMockState({ entities: Number(values.entities), seed: Number(values.seed), users: { [values.user]: password } });
  const mock = await serveMock({ port: Number(values.port), host: values.host, state, json: jsonStyles[style as JsonStyleVersion] });
  console.log(`vbem-mock: Enterprise Manager at ${mock.url}/api/ (user ${values.user}, ${[...state.collections.values()].reduce((n, c) => n + c.size, 0)} entities in ${state.collections.size} collections, JSON as EM ${style})`);
  const stop = (signal: string) => {
    console.log(`vbem-mock: ${signal}, stopping`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
