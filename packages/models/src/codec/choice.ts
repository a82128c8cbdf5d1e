/**
 * What a type whose elements are alternatives (an XSD choice) expected and what came, when not exactly
 * one of `names` is among `present`; undefined when exactly one is.
 */
export function choiceDeparture(names: readonly string[], present: readonly string[]): { expected: string; actual: string } | undefined {
  if (present.length === 1) return undefined;
  return { expected: `exactly one of ${names.join(', ')}`, actual: present.length === 0 ? 'none' : present.join(' and ') };
}
