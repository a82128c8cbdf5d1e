#!/usr/bin/env node
// `pnpm generate`: loads spec/, checks it, and writes the generated files of @vbem/models.
import { generate, modelsDir, writeGenerated } from './generate.js';
import { loadSpec } from './load-spec.js';
import { SpecError } from './spec-error.js';

try {
  const files = generate(loadSpec());
  writeGenerated(files);
  console.log(`generated ${files.size} files in ${modelsDir}`);
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
