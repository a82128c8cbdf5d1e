// `pnpm bench [codec|mock|main-job|scale]`: prints each figure with its baseline measured in the same run. Not a test.
const only = process.argv[2];
const benches = {
  codec: async () => (await import('./codec-throughput.js')).benchCodecThroughput(),
  mock: async () => (await import('./mock-throughput.js')).benchMockThroughput(),
  'main-job': async () => (await import('./main-job.js')).benchMainJob(),
  scale: async () => (await import('./scale.js')).benchScale(),
};
if (only !== undefined && !(only in benches)) {
  console.error(`pnpm bench: no bench '${only}'; the benches are ${Object.keys(benches).join(', ')} (none named: all)`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benches)) {
  if (only === undefined || only === name) for (const line of await bench()) console.log(line);
}
