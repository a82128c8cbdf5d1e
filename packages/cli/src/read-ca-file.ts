import { readFile } from 'node:fs/promises';
import { UsageError } from '@vbem/conformance';

/**
 * The PEM text of a --ca file.
 * @example const ca = await readCaFile('em-ca.pem')
 */
export async function readCaFile(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError('--ca', 'a readable PEM file', `${file}: ${(error as Error).message}`);
  }
}
