#!/usr/bin/env node
import { main } from './main.js';

const controller = new AbortController();
const interrupt = () => {
  // A second signal does not wait for the logoff.
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
// A closed pipe (`vbem … | head`) ends the output, not in a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  controller.abort();
});
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: controller.signal });
process.off('SIGINT', interrupt);
process.off('SIGTERM', interrupt);
