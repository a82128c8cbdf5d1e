import { readFileSync } from 'node:fs';

/** The version of @vbem/cli, from its package.json (one folder above src/ and dist/, where the bundle is). */
export const cliVersion = (): string => (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
