import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '@vbem/conformance';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The PEM text of a --ca file: one or more certificates (a key, a DER file or anything else is refused).
 * @example const ca = await readCaFile('em-ca.pem')
 */
export async function readCaFile(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError('--ca', 'a readable PEM file', `${file}: ${(error as Error).message}`);
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw new UsageError('--ca', 'a PEM certificate (-----BEGIN CERTIFICATE-----)', `${file}, which holds none`);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new UsageError('--ca', 'PEM certificates that parse', `${file}: ${(error as Error).message}`);
    }
  }
  return text;
}
