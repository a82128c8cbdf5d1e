// `pnpm bench`: prints each figure with its baseline measured in the same run. Not a test.
import { benchCodecThroughput } from './codec-throughput.js';
import { benchMockThroughput } from './mock-throughput.js';

for (const line of benchCodecThroughput()) console.log(line);
for (const line of await benchMockThroughput()) console.log(line);
