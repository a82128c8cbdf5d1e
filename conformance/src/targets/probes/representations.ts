import type { Representation } from '@vbem/models';
import { valueDifferences } from '../../checks/value-differences.js';
import type { Step } from '../probe-context.js';

/** Whether two answers to the same request decoded, with the same status, into different values. */
const disagree = (a: Step, b: Step): boolean =>
  a.value !== undefined && b.value !== undefined && a.exchange?.response?.status === b.exchange?.response?.status && valueDifferences(a.value, b.value, '', 1).length > 0;

/**
 * The second representation, as a probe: a read sent in each representation the run asks for, in
 * order (XML first), one right after the other. When the second disagrees with the first, the first
 * is read once more, so that `representations.agree` can tell a resource that changed between the
 * reads from a server whose representations disagree. Gives the first representation's step: the
 * probes go on from it (both decode into the same typed values).
 * @example await readInEach(['xml', 'json'], (r) => send('GET', url, { representation: r }))
 */
export async function readInEach(representations: readonly Representation[], readIn: (representation: Representation) => Promise<Step>): Promise<Step> {
  const [first, ...others] = representations;
  const step = await readIn(first ?? 'xml');
  for (const other of others) if (disagree(step, await readIn(other))) await readIn(first!);
  return step;
}
