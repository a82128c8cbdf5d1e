import { examples, type ExampleSpec, type XmlCodecError } from '../src/index.js';

/** A documented example by its file name under spec/examples/. */
export function example(file: string): ExampleSpec {
  const found = examples.find((e) => e.file === file);
  if (!found) throw new Error(`no documented example ${file}`);
  return found;
}

/** The error `run` (a decode) throws, so its class and issues can be asserted; fails when it throws none. */
export function failure(run: () => unknown): XmlCodecError {
  try {
    run();
  } catch (error) {
    return error as XmlCodecError;
  }
  throw new Error('expected decode to throw');
}
