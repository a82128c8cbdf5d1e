import { join } from 'node:path';
import { createClient } from '@vbem/client';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { builtinModel, type ApiModel } from '@vbem/models';
import { defaultCredentials, serveMock } from '@vbem/mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from './runner/run-conformance.js';

// A resource family the real spec does not have, written as a user of the toolkit would write it:
// YAML and documented examples, nothing else (spec-fixtures/widgets/). The fake, the client and the
// conformance suite run it with no code change.
let model: ApiModel;

beforeAll(() => {
  model = loadModelWith(join(specFixturesDir, 'widgets'));
});

const widgetOperations = () => Object.keys(model.operations).filter((id) => !(id in builtinModel.operations));

describe('a resource family added by editing only the spec', () => {
  it('is in the model loaded from the spec copy and not in the built-in one', () => {
    expect(widgetOperations().sort()).toEqual(['getWidget', 'getWidgetPart', 'listWidgetParts', 'listWidgetRestorePoints', 'listWidgets', 'polishWidget', 'queryWidgets', 'spinWidget']);
  });

  it('is served by the fake and called by the client: list, documented item, query, action and its task', async () => {
    const mock = await serveMock({ model });
    try {
      await using client = createClient({ baseUrl: mock.url, model, username: defaultCredentials.user, password: defaultCredentials.password });
      const widgets = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>).widgets!;
      const list = (await widgets.list!()) as { Ref: { UID: string }[] };
      expect(list.Ref.map((r) => r.UID)).toContain('urn:veeam:Widget:0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11');
      const entity = (await widgets.getEntity!('0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11')) as { Weight: number; MadeUTC: Date; Color: string };
      expect(entity).toMatchObject({ Weight: 9007199254740991, Color: 'Blue', MadeUTC: new Date('2025-01-10T08:30:00Z') });
      const pages = (client as unknown as Record<string, Record<string, (o: object) => { items(): AsyncIterable<{ Color: string }> }>>).query!.widget!({ format: 'Entities', filter: 'Color==blue' });
      const blue: string[] = [];
      for await (const w of pages.items()) blue.push(w.Color);
      expect(blue.length).toBeGreaterThan(0);
      expect(new Set(blue)).toEqual(new Set(['Blue']));
      const task = await widgets.spin!('0d9f7c1e-5b7a-4c1e-9f00-3a8e2b6c4d11', { Turns: 2 });
      const done = (await (client as unknown as { tasks: { wait(t: unknown, o: object): Promise<{ State: string; Operation: string }> } }).tasks.wait(task, { intervalMs: 5, timeoutMs: 10_000 }));
      expect(done).toMatchObject({ Operation: 'SpinWidget' });
      expect(done.State).not.toBe('Running');
    } finally {
      await mock.close();
    }
  }, 300_000);

  it('is checked by the conformance suite, server and client targets, every operation, all passing', async () => {
    const report = await runConformance({ model, sample: 2 });
    const failed = report.results.filter((r) => r.status === 'failed');
    expect(failed).toEqual([]);
    for (const target of ['server', 'client'] as const) {
      const coverage = report.coverage[target]!;
      for (const id of widgetOperations()) expect(coverage.operations.find((o) => o.operation === id), `${target} ${id}`).toMatchObject({ status: 'checked' });
    }
    expect(report.results.some((r) => r.operation === 'spinWidget' && r.status === 'passed')).toBe(true);
  }, 120_000);
});
