import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { shared } from '../../vitest.shared.js';

// The example script imports the package by its name, as users do; tests resolve that name to src/.
export default mergeConfig(shared, {
  resolve: { alias: { '@vbem/client': fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
});
