import { UsageError } from '@vbem/conformance';
import { representations, type Representation } from '@vbem/models';

/**
 * The representation a `--representation` text names, or a UsageError naming the ones there are.
 * @example parseRepresentation('--representation', 'json') // 'json'
 */
export function parseRepresentation(option: string, text: string): Representation {
  const found = representations.find((r) => r === text);
  if (found === undefined) throw new UsageError(option, `one of ${representations.join(', ')}`, `'${text}'`);
  return found;
}
