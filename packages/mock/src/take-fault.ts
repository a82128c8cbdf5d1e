import type { Fault } from './fault.js';

const used = new WeakMap<Fault, number>();

/**
 * The fault to apply to this request, counting it against the fault's `times`.
 * @example takeFault({ reset: true, times: 1 }) // the fault the first time, undefined after
 */
export function takeFault(fault: Fault | undefined): Fault | undefined {
  if (!fault) return undefined;
  if (fault.times === undefined) return fault;
  const count = used.get(fault) ?? 0;
  if (count >= fault.times) return undefined;
  used.set(fault, count + 1);
  return fault;
}
