import { builtinModel } from '@vbem/models';
import type { Fault } from '@vbem/mock';
import { expect, it } from 'vitest';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from '../test-support/observed-mock.js';
import { runConformance } from './run-conformance.js';

/** Runs the server target, in XML (the rewrites are of XML), against a fake whose every successful body goes through `rewrite` (and whatever else `fault` adds). */
async function runWithEveryBody(rewrite: (xml: string) => string, fault: Fault = {}) {
  const mock = await startObservedMock(4);
  try {
    for (const id of Object.keys(builtinModel.operations)) mock.faults[id] = { ...fault, mutate: (xml, c) => (c.status < 300 ? rewrite(xml) : xml) };
    return await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'], representations: ['xml'] });
  } finally {
    await mock.close();
  }
}

// The enum-typed elements of the model, with their documented values: where a server may add a value.
const enumElements = new Map(
  Object.values(builtinModel.xmlMaps)
    .flatMap((m) => m.elements)
    .filter((e) => e.enum !== undefined && e.item === undefined)
    .map((e) => [e.name, e.enum!] as const),
);
const enumPattern = new RegExp(`<(${[...enumElements.keys()].join('|')})>([^<]*)</\\1>`);

/** Each kind of addition, as a rewrite of a body, and the text the warning names it by. */
const additions: [addition: string, rewrite: (xml: string) => string, named: RegExp][] = [
  ['an element', (xml) => xml.replace(/(<\/[\w:]+>\s*)$/, '<AddedByALaterVersion>1</AddedByALaterVersion>$1'), /an undocumented element <AddedByALaterVersion>/],
  ['an attribute', (xml) => xml.replace(/^(<\?[^>]*>\s*)?(<[\w:]+)/, '$1$2 AddedAttribute="x"'), /@AddedAttribute: an undocumented attribute AddedAttribute="x"/],
  ['an enum value', (xml) => xml.replace(enumPattern, '<$1>$2AddedLater</$1>'), /: the undocumented value '\w+AddedLater'/],
  ['a link Rel', (xml) => xml.replace('<Links>', `<Links><Link Rel="Sync" Href="${/Href="([^"]+)"/.exec(xml)?.[1] ?? ''}"/>`), /Link\[1\]\/@Rel: the undocumented value 'Sync'/],
];

it.each(additions)('a body adding %s is a warning naming it, and no check fails', async (_addition, rewrite, named) => {
  const report = await runWithEveryBody(rewrite);
  const warnings = report.results.filter((r) => r.check === 'body.shape' && r.status === 'warning');
  expect(warnings.some((w) => named.test(w.message)), warnings.map((w) => w.message).join('\n')).toBe(true);
  expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  // What the CLI maps to exit 0: no failure, however many warnings.
  expect(report.summary).toMatchObject({ failed: 0 });
  expect(report.summary.warnings).toBeGreaterThan(0);
});

it('a body that adds something and breaks a documented rule fails body.shape: the failure the CLI maps to exit 1', async () => {
  const report = await runWithEveryBody(additions[0]![1], { corrupt: 'swapped-element-order' });
  expect(report.results.filter((r) => r.status === 'failed').map((r) => r.check)).toContain('body.shape');
  expect(report.summary.failed).toBeGreaterThan(0);
});

it('a JSON body adding a property is a warning naming it, and no check fails (the XML of it agrees)', async () => {
  const mock = await startObservedMock(4);
  const added = (body: string) => JSON.stringify({ ...(JSON.parse(body) as object), AddedByALaterVersion: 1 });
  try {
    for (const id of Object.keys(builtinModel.operations)) mock.faults[id] = { mutate: (body, c) => (c.representation === 'json' && c.status < 300 && body.startsWith('{') ? added(body) : body) };
    const report = await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 1, targets: ['server'] });
    const warnings = report.results.filter((r) => r.check === 'body.shape' && r.status === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.request.representation === 'json' && w.message.includes('$.AddedByALaterVersion: an undocumented property "AddedByALaterVersion": '))).toBe(true);
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
  } finally {
    await mock.close();
  }
}, 120_000);
