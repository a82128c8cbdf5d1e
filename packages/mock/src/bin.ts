#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createMockState } from './create-mock-state.js';
import { defaultCredentials } from './default-credentials.js';
import { serveMock } from './serve-mock.js';
import { TIMESTAMPS } from './timestamps.js';

const HELP = `Usage: vbem-mock [options]

Serves a fake Veeam Enterprise Manager REST API over HTTP until SIGINT or SIGTERM.

  --port <n>       TCP port, 0 for a free one (default: 9399)
  --host <addr>    interface to listen on (default: 127.0.0.1)
  --entities <n>   generated entities per collection beside the documented ones (default: 8)
  --seed <n>       seed of the generated entities (default: 1)
  --timestamps <w> how generated date-times are written: ${TIMESTAMPS.join(' or ')}
                   (EM 13's 2026-06-16T06:33:10.659559Z) (default: ${TIMESTAMPS[0]})
  --user <name>    the user that may log on (default: ${defaultCredentials.user})
                   its password comes from VBEM_MOCK_PASSWORD (default: the README's)
  --help           this text`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9399' },
    host: { type: 'string', default: '127.0.0.1' },
    entities: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    timestamps: { type: 'string', default: TIMESTAMPS[0] },
    user: { type: 'string', default: defaultCredentials.user },
    help: { type: 'boolean', default: false },
  },
});

const timestamps = TIMESTAMPS.find((t) => t === values.timestamps);

if (values.help) {
  console.log(HELP);
} else if (timestamps === undefined) {
  console.error(`vbem-mock: --timestamps: expected ${TIMESTAMPS.join(' or ')}, got '${values.timestamps}'`);
  process.exitCode = 2;
} else {
  const password = process.env.VBEM_MOCK_PASSWORD ?? defaultCredentials.password;
  const state = createMockState({ entities: Number(values.entities), seed: Number(values.seed), users: { [values.user]: password }, timestamps });
  const mock = await serveMock({ port: Number(values.port), host: values.host, state });
  console.log(`vbem-mock: Enterprise Manager at ${mock.url}/api/ (user ${values.user}, ${[...state.collections.values()].reduce((n, c) => n + c.size, 0)} entities in ${state.collections.size} collections)`);
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
