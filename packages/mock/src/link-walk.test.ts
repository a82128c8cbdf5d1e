import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModel as model, operationUrl } from '@vbem/models';
import { createMockState } from './create-mock-state.js';
import { indexOf } from './model-index.js';
import { serveMock, type MockServer } from './serve-mock.js';
import { crawl } from './test-support/crawl.js';
import { idParam, mockSession } from './test-support/mock-session.js';
import { startEveryAction } from './test-support/start-every-action.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await serveMock({ state: createMockState({ entities: 4, seed: 9 }) });
});
afterAll(() => mock.close());

describe('the whole fake', () => {
  it('answers 200 to every link in every body it serves, from the entry point, the logon session, every list and query', async () => {
    const session = await mockSession(model, mock.url);
    // Tasks (and what they create) are in the walk too.
    for (const response of await startEveryAction(model, mock.state, mock.url, session.post)) expect(response.status).toBe(202);
    const taskOp = model.operations[model.api.protocol.task!]!;
    const tasks = [...mock.state.tasks.keys()].map((id) => operationUrl(mock.url, taskOp, { [idParam(taskOp.path)]: id }, {}, model).href);
    const skipped = new Map<string, string>();
    const pages = await crawl(model, mock.url, session.get, tasks, skipped);
    // Only documented bodies (the entry point's logon links, documented entities' plain links) link to what no GET serves.
    const undocumented = [...skipped.keys()].filter((href) => !model.examples.some((e) => e.xml.includes(new URL(href).pathname)));
    expect(undocumented).toEqual([]);
    const broken = [...pages].filter(([, p]) => p.status !== 200).map(([url, p]) => `${p.status} ${url} (linked from ${p.from})`);
    expect(broken).toEqual([]);
    // Every entity of every listed collection was reached.
    const listed = new Set(Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'list').map((op) => op.entity));
    for (const [type, entities] of [...mock.state.collections].filter(([t]) => listed.has(t))) {
      for (const id of entities.keys()) expect([...pages.values()].some((p) => p.xml.includes(`urn:veeam:${type}:${id}`)), `${type} ${id}`).toBe(true);
    }
  });
});
