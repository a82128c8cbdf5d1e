import { formatOf, matchOperation, operationUrl, successOf, withFormat, type ApiModel, type OperationSpec } from '@vbem/models';
import type { BodyFormat } from '../body-format.js';
import { defaultCredentials } from '../default-credentials.js';
import type { MockState } from '../mock-state.js';
import { crawl } from './crawl.js';
import { basic } from './http-session.js';
import { serveMock, type ServeMockOptions } from '../serve-mock.js';
import { idParam, mockSession } from './mock-session.js';
import { startEveryAction } from './start-every-action.js';

/** One URL the fake answers 200 with a body to, for one format of one GET operation. */
export interface Read {
  readonly operation: OperationSpec;
  readonly format: BodyFormat;
  readonly url: string;
}

type Session = { get: (url: string) => Promise<Response>; post: (url: URL, body?: string) => Promise<Response> };

/**
 * One URL for each format of each GET operation the fake serves a body for: every action started
 * (so tasks exist), a logon session opened, then every link crawled from them, the entry point and
 * every GET operation without path parameters; an operation reached in one format is asked in its others.
 * @example const reads = await everyRead(model, mock.state, mock.url, session)
 */
export async function everyRead(model: ApiModel, state: MockState, origin: string, session: Session): Promise<Read[]> {
  await startEveryAction(model, state, origin, session.post);
  const taskOp = model.api.protocol.task === undefined ? undefined : model.operations[model.api.protocol.task];
  const seeds = taskOp ? [...state.tasks.keys()].map((id) => operationUrl(origin, taskOp, { [idParam(taskOp.path)]: id }, {}, model).href) : [];
  const logon = model.operations[model.api.protocol.logon]!;
  const opened = await fetch(operationUrl(origin, logon, {}, {}, model), { method: logon.method, headers: { Authorization: basic(defaultCredentials.user, defaultCredentials.password) } });
  const location = opened.headers.get('Location');
  if (location !== null) seeds.push(location);
  for (const op of Object.values(model.operations)) {
    if (op.method === 'GET' && !op.path.includes('{')) for (const f of successOf(op).formats) seeds.push(withFormat(operationUrl(origin, op, {}, {}, model), f.format, model).href);
  }
  const reads = new Map<string, Read>();
  const add = (url: string) => {
    const match = matchOperation('GET', new URL(url), model);
    const format = match && formatOf(new URL(url), successOf(match.operation).formats, model);
    if (match && format && !reads.has(`${match.operation.id} ${format.format}`)) reads.set(`${match.operation.id} ${format.format}`, { operation: match.operation, format, url });
  };
  for (const [url, page] of await crawl(model, origin, session.get, seeds)) if (page.status === 200) add(url);
  for (const read of [...reads.values()]) {
    for (const f of successOf(read.operation).formats) {
      const url = withFormat(new URL(read.url), f.format, model).href;
      if (!reads.has(`${read.operation.id} ${f.format}`) && (await session.get(url)).status === 200) add(url);
    }
  }
  return [...reads.values()];
}

/**
 * The fake served over loopback with `options`, a session on it, and every read it answers (see
 * `everyRead`): the set-up of the tests that ask every operation in every format.
 * @example ({ mock, session, reads } = await serveForEveryRead(model, options))
 */
export async function serveForEveryRead(model: ApiModel, options: ServeMockOptions) {
  const mock = await serveMock(options);
  const session = await mockSession(model, mock.url);
  return { mock, session, reads: await everyRead(model, mock.state, mock.url, session) };
}
