import { builtinModel, type ApiModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { widgetsModel } from '../test-support/query-pages-of.js';
import { runConformance } from './run-conformance.js';

/** Runs the server target against a fake of `model` whose every successful body goes through `rewrite`. */
async function runWithEveryBody(rewrite: (xml: string) => string, model: ApiModel = builtinModel) {
  const mock = await startObservedMock(6, undefined, { model });
  try {
    for (const id of Object.keys(model.operations)) mock.faults[id] = { mutate: (xml, c) => (c.status < 300 ? rewrite(xml) : xml) };
    return await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'], model });
  } finally {
    await mock.close();
  }
}

// The list items the documents name two ways, from the spec: [the spec's name, the other documented name].
const itemForms = Object.values(builtinModel.xmlMaps).flatMap((m) => m.elements.flatMap((e) => Object.keys(e.itemForms ?? {}).map((form) => [e.item!, form] as const)));
const inOtherForm = (xml: string) =>
  itemForms.reduce((out, [item, form]) => out.replaceAll(`<${item} `, `<${form} `).replaceAll(`<${item}>`, `<${form}>`).replaceAll(`</${item}>`, `</${form}>`), xml);

it('passes a server that sends the other documented form of a list item, and says which form it used', async () => {
  expect(itemForms.length).toBeGreaterThan(0);
  const report = await runWithEveryBody(inOtherForm);
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  const noted = report.results.filter((r) => r.check === 'body.shape' && r.status === 'passed' && / in the documented forms /.test(r.message));
  expect(noted.map((r) => r.message).join('\n')).toMatch(new RegExp(`<${itemForms[0]![1]}>, the form .* documents \\(for <${itemForms[0]![0]}>\\)`));
}, 60_000);

// The Rels of the links that must be there where their condition holds (when, not optional): the
// real spec has none today, the widgets overlay has one.
const requiredWhenRels = (model: ApiModel) =>
  new Set(Object.values(model.operations).flatMap((op) => op.responses.flatMap((r) => r.formats.flatMap((f) => (f.links ?? []).filter((l) => l.when && !l.optional).map((l) => l.rel)))));

it('fails links.documented against a server that leaves out a conditional link where its condition holds', async () => {
  const rels = [...requiredWhenRels(widgetsModel)].join('|');
  expect(rels).not.toBe('');
  const report = await runWithEveryBody((xml) => xml.replace(new RegExp(`<Link Rel="(${rels})"[^>]*/>`, 'g'), ''), widgetsModel);
  const failed = report.results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.check)).toEqual(failed.map(() => 'links.documented'));
  expect(failed.length).toBeGreaterThan(0);
  expect(failed[0]!.message).toMatch(/expected a link Rel="\w+" to a \w+ \(its \w+ is \w+\), got none/);
}, 60_000);
