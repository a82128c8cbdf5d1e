// `pnpm vbem …`: runs the built CLI, or says what to run when it is not built yet.
import { existsSync } from 'node:fs';

const bin = new URL('../packages/cli/dist/vbem.js', import.meta.url);
if (!existsSync(bin)) {
  console.error('vbem is not built yet: run `pnpm build` first (or `pnpm start`, which builds it and runs `vbem conformance`)');
  process.exit(1);
}
await import(bin.href);
