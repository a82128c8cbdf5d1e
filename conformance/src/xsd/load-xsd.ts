import { readFile } from 'node:fs/promises';
import { encode } from '@vbem/models';
import { validateXML } from 'xmllint-wasm';
import { XsdLoadError } from '../errors.js';

/** The file name the schema goes by inside xmllint. */
export const SCHEMA_NAME = 'RestAPI.xsd';

/**
 * Reads a RestAPI.xsd as Veeam ships it, fixes the .NET-style `\:` escapes in its UID patterns that
 * standard XSD engines reject, and makes sure xmllint can compile it.
 * @throws {XsdLoadError} when the file cannot be read or is not a schema xmllint compiles.
 * @example const xsd = await loadXsd('/opt/veeam/vbem/schemas/RestAPI.xsd')
 */
export async function loadXsd(file: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).replaceAll('\\:', ':');
  } catch (error) {
    throw new XsdLoadError(file, (error as Error).message);
  }
  try {
    const probe = encode('EntityReferences', { Ref: [] });
    const result = await validateXML({ xml: [{ fileName: 'probe.xml', contents: probe }], schema: [{ fileName: SCHEMA_NAME, contents: text }] });
    const broken = result.errors.find((e) => e.loc?.fileName === SCHEMA_NAME);
    if (broken) throw new Error(broken.rawMessage);
  } catch (error) {
    throw new XsdLoadError(file, `a schema xmllint cannot compile (${(error as Error).message.split('\n')[0]!.trim()})`);
  }
  return text;
}
