import { api, builtinModel, type OperationSpec } from '@vbem/models';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { formatJson } from '../reporters/format-json.js';
import { formatPretty } from '../reporters/format-pretty.js';
import { runConformance, type ConformanceOptions } from '../runner/run-conformance.js';
import { taskShapeOf } from '../task-facts.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';

/** The documented actions: the operations the spec answers with a Task. */
const actions: OperationSpec[] = Object.values(builtinModel.operations).filter((o) => o.task !== undefined);
const creating = actions.filter((o) => (o.task!.creates ?? []).length > 0);
const shape = taskShapeOf(builtinModel)!;
/** A request that carries one of the actions' fixed query values (`?action=…`). */
const isActionRequest = (r: { method: string; url: string }) =>
  r.method !== 'GET' && actions.some((a) => a.query.some((q) => q.const !== undefined && new URL(r.url, 'http://x').searchParams.get(q.name) === q.const));

let mock: ObservedMock;
beforeEach(async () => void (mock = await startObservedMock(2)));
afterEach(async () => mock.close());

// Each run is narrowed to the actions (with the reads of the entities they act on): what these tests judge, at a cost that grows with the actions, not the table.
const run = (extra: Partial<ConformanceOptions> = {}) => runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], include: actions.map((a) => a.id), ...extra });
const lab = (taskDeadlineMs?: number) => run({ labActions: { origin: mock.url, ...(taskDeadlineMs !== undefined ? { taskDeadlineMs } : {}) } });
const verdicts = (report: Awaited<ReturnType<typeof run>>, status: string) => report.results.filter((r) => r.check === 'action.task' && r.status === status);

describe('without the lab option', () => {
  it('sends no action to a live server, and reports none', async () => {
    const report = await run();
    expect(mock.received.length).toBeGreaterThan(10);
    expect(mock.received.filter(isActionRequest)).toEqual([]);
    expect(report.labActions).toBeUndefined();
    expect(report.results.filter((r) => r.check === 'action.task')).toEqual([]);
  }, 300_000);

  it('refuses an origin that is not the base URL\'s before sending anything', async () => {
    const other = mock.url.replace('127.0.0.1', 'localhost');
    await expect(run({ labActions: { origin: other } })).rejects.toThrow(UsageError);
    await expect(run({ labActions: { origin: other } })).rejects.toThrow(/the origin of the base URL repeated/);
    expect(mock.received).toEqual([]);
  });
});

describe('with the lab option naming the base URL\'s origin', () => {
  it('runs each documented action once, judges its task, and lists it loudly', async () => {
    const report = await lab();
    const sent = mock.received.filter(isActionRequest);
    expect(sent.length).toBe(actions.length);
    expect(report.labActions?.sent.map((a) => a.operation).sort()).toEqual(actions.map((a) => a.id).sort());
    expect(verdicts(report, 'passed').length).toBe(actions.length);
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(formatPretty(report)).toMatch(new RegExp(`LAB ACTIONS: ${actions.length} state-changing requests sent to ${mock.url}`));
    expect(JSON.parse(formatJson(report)).labActions.sent).toHaveLength(actions.length);
  }, 300_000);

  it('fails an action answered 200 instead of its documented status', async () => {
    for (const a of actions) mock.faults[a.id] = { status: 200 };
    const failed = verdicts(await lab(), 'failed');
    expect(failed.length).toBe(actions.length);
    expect(failed[0]!.message).toMatch(/expected 202 .*came 200/);
  }, 300_000);

  it('fails a task that never finishes within the deadline', async () => {
    for (const a of actions) mock.faults[a.id] = { task: 'hang' };
    const failed = verdicts(await lab(50), 'failed');
    expect(failed.length).toBe(actions.length);
    expect(failed[0]!.message).toMatch(/never finished/);
  }, 300_000);

  it('fails a task that carries no links', async () => {
    for (const a of actions) mock.faults[a.id] = { mutate: (xml) => xml.replace(/<Links>[\s\S]*?<\/Links>/, '') };
    expect(verdicts(await lab(), 'failed').map((r) => r.message)).toContainEqual(expect.stringMatching(/carries no links/));
  }, 300_000);

  it('warns about an undocumented state, naming it, without failing', async () => {
    const finished = shape.states.at(-1)!;
    mock.faults[api.protocol.task!] = { mutate: (xml) => xml.replace(`<${shape.state}>${finished}</${shape.state}>`, `<${shape.state}>CompletedSuccessfully</${shape.state}>`) };
    const report = await lab();
    expect(verdicts(report, 'warning').map((r) => r.message)).toContainEqual(expect.stringMatching(/undocumented State CompletedSuccessfully/));
    expect(verdicts(report, 'failed')).toEqual([]);
  }, 300_000);

  it('fails a finished task that does not link to what it created', async () => {
    expect(creating.length).toBeGreaterThan(0);
    mock.faults[api.protocol.task!] = { mutate: (xml) => xml.replaceAll(/<Link\b[^>]*\bRel="Related"[^>]*\/>/g, '') };
    const failed = verdicts(await lab(), 'failed');
    expect(failed.length).toBe(creating.length);
    expect(failed[0]!.message).toMatch(/without a Related link/);
  }, 300_000);
});
