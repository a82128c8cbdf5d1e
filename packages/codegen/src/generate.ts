import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateExamples } from './generate-examples.js';
import { generateJsonMaps } from './generate-json-maps.js';
import { generateOperations } from './generate-operations.js';
import { generateSchemas } from './generate-schemas.js';
import { generateTypes } from './generate-types.js';
import { generateXmlMaps } from './generate-xml-maps.js';
import type { Spec } from './spec-model.js';

/** Where the generated files go, relative to the models package. */
export const modelsDir = new URL('../../models/', import.meta.url).pathname;

/** Every generated file, by its path relative to packages/models, in memory. */
export function generate(spec: Spec): Map<string, string> {
  const types = generateTypes(spec);
  return new Map([
    ['src/generated/types.gen.ts', types],
    ['src/generated/xml-maps.gen.ts', generateXmlMaps(spec)],
    ['src/generated/json-maps.gen.ts', generateJsonMaps(spec)],
    ['src/generated/operations.gen.ts', generateOperations(spec)],
    ['src/generated/examples.gen.ts', generateExamples(spec)],
    ['schemas/models.schema.json', generateSchemas(spec, types)],
  ]);
}

/** Writes the generated files: the one place codegen touches the disk. */
export function writeGenerated(files: Map<string, string>, dir: string = modelsDir): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
