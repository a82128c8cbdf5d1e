import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '@vbem/conformance';

/**
 * Refuses, before a run, a --output file the report could not be written to: a folder, a file
 * without write permission, a folder that does not exist or cannot be written.
 * @example await checkWritable('--output', 'report.xml')
 */
export async function checkWritable(option: string, file: string): Promise<void> {
  const path = resolve(file);
  const existing = await stat(path).catch(() => undefined);
  try {
    if (existing?.isDirectory()) throw new Error('it is a folder');
    await access(existing ? path : dirname(path), constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `its folder ${dirname(path)} does not exist` : (error as Error).message;
    throw new UsageError(option, 'a file that can be written', `${file}: ${reason}`);
  }
}
