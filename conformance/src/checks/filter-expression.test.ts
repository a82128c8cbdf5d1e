import { createClient } from '@vbem/client';
import { createMockState, defaultCredentials, serveMock } from '@vbem/mock';
import { PreciseDate } from '@vbem/models';
import { expect, it } from 'vitest';
import { queryFieldsOf } from '../query-facts.js';
import { queryOperation, widgetsModel } from '../test-support/query-pages-of.js';
import { filterValue, holds, parseConjunction } from './filter-expression.js';

// The widgets query's date field.
const date = queryFieldsOf(widgetsModel, queryOperation).find((f) => f.kind === 'date')!;
const withMicroseconds = (v: unknown): v is Date => v instanceof Date && /\.\d{6}Z$/.test(v.toJSON());

it('writes a date with every digit of its fraction, and judges it to the last digit', () => {
  expect(filterValue('date', PreciseDate.fromText('2026-06-16T06:33:10.659559Z'))).toBe('"2026-06-16T06:33:10.659559Z"');
  expect(filterValue('date', new Date('2025-01-10T08:30:00Z'))).toBe('"2025-01-10T08:30:00.000Z"');
  const [equal] = parseConjunction(`${date.name}=="2026-06-16T06:33:10.659559Z"`, [date])!;
  expect(holds(equal!, PreciseDate.fromText('2026-06-16T06:33:10.659559Z'))).toBe(true);
  expect(holds(equal!, PreciseDate.fromText('2026-06-16T06:33:10.659Z'))).toBe(false);
  expect(holds(equal!, PreciseDate.fromText('2026-06-16T06:33:10.6595590Z'))).toBe(true);
});

it('an equality filter on a microsecond date, as the suite writes it, returns the item that holds the date from a fake with v13 timestamps', async () => {
  const mock = await serveMock({ state: createMockState({ model: widgetsModel, entities: 5, timestamps: 'microseconds' }) });
  try {
    await using client = createClient({ baseUrl: mock.url, model: widgetsModel, username: defaultCredentials.user, password: defaultCredentials.password });
    const query = (client as unknown as { query: Record<string, (o: object) => { items(): AsyncIterable<Record<string, unknown>> }> }).query.widget!;
    const all: Record<string, unknown>[] = [];
    for await (const item of query({ format: 'Entities' }).items()) all.push(item);
    const generated = all.filter((i) => withMicroseconds(i[date.source]));
    expect(generated.length, 'widgets with six fraction digits').toBeGreaterThan(0);
    for (const item of generated) {
      const filter = `${date.name}==${filterValue('date', item[date.source])}`;
      const found: unknown[] = [];
      for await (const hit of query({ format: 'Entities', filter }).items()) found.push(hit.UID);
      expect(found, filter).toContain(item.UID);
    }
  } finally {
    await mock.close();
  }
}, 300_000);
