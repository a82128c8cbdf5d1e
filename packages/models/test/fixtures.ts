import { examples, type ExampleSpec } from '../src/index.js';

/** A documented example by its file name under spec/examples/. */
export function example(file: string): ExampleSpec {
  const found = examples.find((e) => e.file === file);
  if (!found) throw new Error(`no documented example ${file}`);
  return found;
}
