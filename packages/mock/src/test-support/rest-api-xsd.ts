import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLValidationError } from 'xmllint-wasm';

/**
 * Veeam's RestAPI.xsd, beside the checkout at ../shared/veeam/RestAPI.xsd: found by walking up
 * from this file to the workspace root (the folder with pnpm-workspace.yaml), then to its parent.
 * Its .NET-style `\:` escapes are fixed to `:`, which libxml2 needs.
 */
export function restApiXsd(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No workspace root (pnpm-workspace.yaml) above the test file');
    dir = parent;
  }
  const path = join(dir, '..', 'shared', 'veeam', 'RestAPI.xsd');
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replaceAll('\\:', ':');
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
