import { header } from './header.js';
import type { Spec } from './spec-model.js';

/** `examples.gen.ts`: every documented example, verbatim, with what it documents. */
export function generateExamples(spec: Spec): string {
  return (
    header('documented examples, spec/examples/') +
    "import type { ExampleSpec } from '../spec-types.js';\n\n" +
    `export const examples: readonly ExampleSpec[] = ${JSON.stringify(spec.examples, null, 2)};\n`
  );
}
