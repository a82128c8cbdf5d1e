import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { runConformance } from './run-conformance.js';

/** Runs the server target against a fake whose every successful body goes through `rewrite`. */
async function runWithEveryBody(rewrite: (xml: string) => string) {
  const mock = await startObservedMock(6);
  try {
    for (const id of Object.keys(builtinModel.operations)) mock.faults[id] = { mutate: (xml, c) => (c.status < 300 ? rewrite(xml) : xml) };
    return await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, targets: ['server'] });
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

// The Rels of the links the spec declares with a condition.
const conditionalRels = new Set(Object.values(builtinModel.operations).flatMap((op) => op.responses.flatMap((r) => r.formats.flatMap((f) => (f.links ?? []).filter((l) => l.when).map((l) => l.rel)))));

it('fails links.documented against a server that leaves out a conditional link where its condition holds', async () => {
  expect(conditionalRels.size).toBeGreaterThan(0);
  const rels = [...conditionalRels].join('|');
  const report = await runWithEveryBody((xml) => xml.replace(new RegExp(`<Link Rel="(${rels})"[^>]*/>`, 'g'), ''));
  const failed = report.results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.check)).toEqual(failed.map(() => 'links.documented'));
  expect(failed.length).toBeGreaterThan(0);
  // Plain links may share a Rel with the conditional ones (and go too): a conditional one must be among the failures.
  expect(failed.map((r) => r.message).join('\n')).toMatch(/expected a link Rel="\w+" to a \w+ \(its \w+ is \w+\), got none/);
}, 60_000);
