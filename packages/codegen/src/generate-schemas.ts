import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as TJS from 'typescript-json-schema';
import type { Spec } from './spec-model.js';

// typescript-json-schema carries its own TypeScript; these settings are the ones it handles well.
const compilerOptions: TJS.CompilerOptions = { target: 'ES2022' as never, module: 'ESNext' as never, moduleResolution: 'Bundler' as never, strict: true, skipLibCheck: true };
const settings: TJS.PartialArgs = { required: true, noExtraProps: true, ref: true, aliasRef: false, topRef: false, strictNullChecks: true };

/** `schemas/models.schema.json`: JSON Schema of the generated types, one definition per spec type. */
export function generateSchemas(spec: Spec, typesSource: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vbem-schemas-'));
  try {
    const file = join(dir, 'types.ts');
    writeFileSync(file, typesSource);
    const program = TJS.getProgramFromFiles([file], compilerOptions, dir);
    const generator = TJS.buildGenerator(program, settings);
    if (!generator) throw new Error('typescript-json-schema could not compile the generated types');
    const schema = generator.getSchemaForSymbols(spec.types.map((t) => t.name));
    // A choice (exactly one of its elements), which the TypeScript type, all optional, does not say.
    for (const t of spec.types) {
      const definition = schema.definitions?.[t.name];
      if (t.kind === 'object' && t.choice && typeof definition === 'object') definition.oneOf = t.elements.map((e) => ({ required: [e.name] }));
    }
    return JSON.stringify(schema, null, 2) + '\n';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
