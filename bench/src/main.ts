// `pnpm bench`: prints each figure with its baseline measured in the same run. Not a test.
import { benchCodecThroughput } from './codec-throughput.js';

for (const line of benchCodecThroughput()) console.log(line);
