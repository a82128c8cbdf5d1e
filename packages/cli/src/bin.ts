#!/usr/bin/env node
import { main } from './main.js';

const controller = new AbortController();
const interrupt = () => {
  // A second signal does not wait for the logoff.
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
};
// A closed pipe (`vbem … | head`) ends the run quietly: it logs off, says nothing and exits 0.
let pipeClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && !pipeClosed) throw error;
  pipeClosed = true;
  controller.abort();
});
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
const stderr = { write: (text: string) => pipeClosed || process.stderr.write(text) };
const status = await main(process.argv.slice(2), { stdout: process.stdout, stderr, env: process.env, signal: controller.signal });
process.exitCode = pipeClosed ? 0 : status;
process.off('SIGINT', interrupt);
process.off('SIGTERM', interrupt);
