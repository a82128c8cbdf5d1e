import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLValidationError } from 'xmllint-wasm';

/**
 * Where Veeam's RestAPI.xsd is: $VBEM_RESTAPI_XSD, or beside the checkout at ../shared/veeam/RestAPI.xsd
 * (found by walking up from this file to the workspace root, the folder with pnpm-workspace.yaml).
 */
export function restApiXsdPath(): string {
  if (process.env.VBEM_RESTAPI_XSD) return process.env.VBEM_RESTAPI_XSD;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No workspace root (pnpm-workspace.yaml) above the test file');
    dir = parent;
  }
  return join(dir, '..', 'shared', 'veeam', 'RestAPI.xsd');
}

/**
 * Veeam's schema is not ours to ship: a clone without it skips the XSD tests, except in CI, which
 * always has it and must not pass by skipping them.
 */
export const skipWithoutXsd = !existsSync(restApiXsdPath()) && !process.env.CI;

/** RestAPI.xsd with its .NET-style `\:` escapes fixed to `:`, which libxml2 needs. */
export function restApiXsd(): string {
  return readFileSync(restApiXsdPath(), 'utf8').replace(/^\uFEFF/, '').replaceAll('\\:', ':');
}

/** The schema errors of each body, by name (empty lists for valid ones), in one xmllint run. */
export async function xsdErrors(bodies: ReadonlyMap<string, string>): Promise<Map<string, readonly XMLValidationError[]>> {
  const files = [...bodies].map(([name, xml], i) => ({ fileName: `body-${i}.xml`, contents: xml, name }));
  const result = await validateXML({ xml: files.map(({ fileName, contents }) => ({ fileName, contents })), schema: [{ fileName: 'RestAPI.xsd', contents: restApiXsd() }] });
  const out = new Map<string, readonly XMLValidationError[]>();
  for (const f of files) out.set(f.name, result.errors.filter((e) => e.loc?.fileName === f.fileName));
  const unlocated = result.errors.filter((e) => !files.some((f) => e.loc?.fileName === f.fileName));
  if (unlocated.length > 0 || (!result.valid && result.errors.length === 0)) out.set('(xmllint)', unlocated.length > 0 ? unlocated : [{ rawMessage: result.rawOutput, message: result.rawOutput, loc: null }]);
  return out;
}

/** The document elements RestAPI.xsd defines (its top-level elements). */
export function xsdRootElements(): Set<string> {
  return new Set([...restApiXsd().matchAll(/^ {2}<xs:element name="(\w+)"/gm)].map((m) => m[1]!));
}
