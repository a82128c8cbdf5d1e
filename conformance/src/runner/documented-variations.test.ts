import { builtinModel, type ApiModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { additions, runWithEveryBody } from '../test-support/every-body.js';
import { widgetsModel } from '../test-support/query-pages-of.js';

// The list items the documents name two ways, from the spec: [the spec's name, the other documented name].
const itemForms = Object.values(builtinModel.xmlMaps).flatMap((m) => m.elements.flatMap((e) => Object.keys(e.itemForms ?? {}).map((form) => [e.item!, form] as const)));
const inOtherForm = (xml: string) =>
  itemForms.reduce((out, [item, form]) => out.replaceAll(`<${item} `, `<${form} `).replaceAll(`<${item}>`, `<${form}>`).replaceAll(`</${item}>`, `</${form}>`), xml);

it('passes a server that sends the other documented form of a list item, and says which form it used', async () => {
  expect(itemForms.length).toBeGreaterThan(0);
  const report = await runWithEveryBody(inOtherForm, { entities: 6, sample: 2 });
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  const noted = report.results.filter((r) => r.check === 'body.shape' && r.status === 'passed' && / in the documented forms /.test(r.message));
  expect(noted.map((r) => r.message).join('\n')).toMatch(new RegExp(`<${itemForms[0]![1]}>, the form .* documents \\(for <${itemForms[0]![0]}>\\)`));
}, 300_000);

// The Rels of the links that must be there where their condition holds (when, not optional): the
// real spec has none today, the widgets overlay has one.
const requiredWhenRels = (model: ApiModel) =>
  new Set(Object.values(model.operations).flatMap((op) => op.responses.flatMap((r) => r.formats.flatMap((f) => (f.links ?? []).filter((l) => l.when && !l.optional).map((l) => l.rel)))));

it('fails links.documented against a server that leaves out a conditional link where its condition holds', async () => {
  const rels = [...requiredWhenRels(widgetsModel)].join('|');
  expect(rels).not.toBe('');
  const report = await runWithEveryBody((xml) => xml.replace(new RegExp(`<Link Rel="(${rels})"[^>]*/>`, 'g'), ''), { state: { model: widgetsModel }, entities: 6, sample: 2 });
  const failed = report.results.filter((r) => r.status === 'failed');
  expect(failed.map((r) => r.check)).toEqual(failed.map(() => 'links.documented'));
  expect(failed.length).toBeGreaterThan(0);
  // Plain links may share a Rel with the conditional ones (and go too): a conditional one must be among the failures.
  expect(failed.map((r) => r.message).join('\n')).toMatch(/expected a link Rel="\w+" to a \w+ \(its \w+ is \w+\), got none/);
}, 300_000);

// EM 13 as it is: microsecond timestamps, conditional links (the overlay's must be there where their
// condition holds, the spec's optional ones come where theirs does), the other documented form of each
// list item, and what a later version adds.
it('passes a fake with v13 timestamps, conditional links, the other documented forms and additions, with warnings naming the additions', async () => {
  const v13Dates: string[] = [];
  const [, addElement, elementNamed] = additions[0]!;
  const [, addRel, relNamed] = additions[3]!;
  const rewrite = (xml: string) => {
    v13Dates.push(...(xml.match(/>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z</g) ?? []));
    return addRel(addElement(inOtherForm(xml)));
  };
  const report = await runWithEveryBody(rewrite, { state: { model: widgetsModel, timestamps: 'microseconds' }, entities: 6, sample: 2 });
  expect(v13Dates.length, 'the fake served dates with six fraction digits').toBeGreaterThan(0);
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  const warnings = report.results.filter((r) => r.check === 'body.shape' && r.status === 'warning').map((r) => r.message);
  expect(warnings.some((m) => elementNamed.test(m)) && warnings.some((m) => relNamed.test(m)), warnings.join('\n')).toBe(true);
  expect(report.results.some((r) => r.check === 'body.shape' && / in the documented forms /.test(r.message))).toBe(true);
  // The conditional links were there to judge, and the query service was judged on those dates.
  expect(report.results.some((r) => r.check === 'links.documented' && r.status === 'passed' && /Related/.test(r.message))).toBe(true);
  expect(report.results.some((r) => r.check === 'query.filter' && r.status === 'passed')).toBe(true);
}, 120_000);
