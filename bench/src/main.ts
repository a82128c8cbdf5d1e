// `pnpm bench [codec|mock]`: prints each figure with its baseline measured in the same run. Not a test.
const only = process.argv[2];
if (only !== 'mock') {
  const { benchCodecThroughput } = await import('./codec-throughput.js');
  for (const line of await benchCodecThroughput()) console.log(line);
}
if (only !== 'codec') {
  const { benchMockThroughput } = await import('./mock-throughput.js');
  for (const line of await benchMockThroughput()) console.log(line);
}
