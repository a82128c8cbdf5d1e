import type { ApiModel } from '@vbem/models';
import type { Exchange } from '../exchange.js';
import type { Redactor } from '../redactor.js';
import { planProbes, type PlannedSkip } from '../targets/plan-probes.js';
import type { ReportedResult } from './run-report.js';
import type { TransportStop } from './stop-after-transport-failures.js';

/**
 * What a run stopped by its transport failures adds to the report: a failed `transport.stopped` result
 * saying why it stopped, how much it left and whether it logged off; and the operations it did
 * not reach, skipped (after the planned skips, whose reason comes first).
 * @example const { result, skips } = stoppedRun(stop, exchanges, { model, allowWrites: false, redactor })
 */
export function stoppedRun(stop: TransportStop, exchanges: readonly Exchange[], options: { readonly model: ApiModel; readonly allowWrites: boolean; readonly labActions?: boolean; readonly redactor: Redactor }): { result: ReportedResult; skips: PlannedSkip[] } {
  const sent = new Set(exchanges.map((e) => e.operationId));
  const notReached = Object.keys(options.model.operations).filter((id) => !sent.has(id));
  const reason = `not reached: the run stopped after ${stop.failures} requests in a row got no complete response`;
  const { exchange, loggedOff } = stop;
  const logoff = loggedOff ? 'its session was logged off' : 'its logoff got no answer: the session may stay open until it expires';
  const message = `expected the server to keep answering, got ${stop.failures} requests in a row with no complete response (the last: ${exchange.error}): the run stopped here, ${notReached.length} operations not reached; ${logoff}`;
  return {
    result: {
      check: 'transport.stopped',
      operation: exchange.operationId ?? 'unmatched',
      status: 'failed',
      message: options.redactor.text(message),
      request: { method: exchange.request.method, url: options.redactor.text(exchange.request.url) },
      target: 'server',
    },
    skips: [...planProbes(options.model, { allowWrites: options.allowWrites, labActions: options.labActions === true }).skipped, ...notReached.map((operation) => ({ operation, reason }))],
  };
}
