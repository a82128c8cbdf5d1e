import { formatOf, matchOperation, operationUrl, successOf, type ApiModel, type OperationSpec } from '@vbem/models';
import type { BodyFormat } from '../body-format.js';
import type { MockState } from '../mock-state.js';
import { crawl } from './crawl.js';
import { idParam } from './mock-session.js';
import { startEveryAction } from './start-every-action.js';

/** One URL the fake answers 200 with a body to, for one format of one GET operation. */
export interface Read {
  readonly operation: OperationSpec;
  readonly format: BodyFormat;
  readonly url: string;
}

/**
 * One URL for each format of each GET operation the fake serves a body for, found by starting every
 * action (so tasks exist) and crawling every link from the entry point, lists and queries.
 * @example const reads = await everyRead(model, mock.state, mock.url, session)
 */
export async function everyRead(model: ApiModel, state: MockState, origin: string, session: { get: (url: string) => Promise<Response>; post: (url: URL, body?: string) => Promise<Response> }): Promise<Read[]> {
  await startEveryAction(model, state, origin, session.post);
  const taskOp = model.api.protocol.task === undefined ? undefined : model.operations[model.api.protocol.task];
  const tasks = taskOp ? [...state.tasks.keys()].map((id) => operationUrl(origin, taskOp, { [idParam(taskOp.path)]: id }, {}, model).href) : [];
  const reads = new Map<string, Read>();
  for (const [url, page] of await crawl(model, origin, session.get, tasks)) {
    const match = page.status === 200 ? matchOperation('GET', new URL(url), model) : undefined;
    const format = match && formatOf(new URL(url), successOf(match.operation).formats, model);
    if (!match || !format) continue;
    const key = `${match.operation.id} ${format.format}`;
    if (!reads.has(key)) reads.set(key, { operation: match.operation, format, url });
  }
  return [...reads.values()];
}
