import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSpecDir, loadModel, loadModelWith, specFixturesDir } from './index.js';

const widgets = join(specFixturesDir, 'widgets');
// A temporary folder of this file's own: other packages' tests lay overlays in the shared one at the same time.
const ownTmp = mkdtempSync(join(tmpdir(), 'vbem-load-model-with-'));
const sharedTmp = process.env.TMPDIR;
process.env.TMPDIR = ownTmp;
const copies = () => readdirSync(ownTmp).filter((name) => name.startsWith('vbem-overlay-')).length;
afterAll(() => {
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
  rmSync(ownTmp, { recursive: true, force: true });
});

describe('loadModelWith', () => {
  it('loads the spec with the fixture laid over it: its operations, its examples and its edit of a spec file', () => {
    const model = loadModelWith(widgets);
    const builtin = loadModel(defaultSpecDir);
    const added = Object.keys(model.operations).filter((id) => !(id in builtin.operations));
    expect(added.sort()).toEqual(['getWidget', 'getWidgetPart', 'listWidgetParts', 'listWidgetRestorePoints', 'listWidgets', 'polishWidget', 'queryWidgets', 'spinWidget']);
    expect(model.examples).toContainEqual(expect.objectContaining({ file: 'widget.spin.request.xml', type: 'WidgetSpinSpec', request: true }));
    expect(model.xmlMaps.QueryEntities!.elements.map((e) => e.name)).toContain('Widgets');
    expect(Object.keys(model.operations)).toEqual(expect.arrayContaining(Object.keys(builtin.operations)));
  }, 60_000);

  it('changes neither folder and leaves no copy behind', () => {
    const query = readFileSync(join(defaultSpecDir, 'resources', 'query.yaml'), 'utf8');
    const before = copies();
    loadModelWith(widgets);
    expect(readFileSync(join(defaultSpecDir, 'resources', 'query.yaml'), 'utf8')).toBe(query);
    expect(readdirSync(defaultSpecDir)).not.toContain('edits.yaml');
    expect(copies()).toBe(before);
  }, 60_000);

  it('fails, naming the line, when an edit does not find the line it goes after', () => {
    const overlay = mkdtempSync(join(ownTmp, 'vbem-fixture-'));
    writeFileSync(join(overlay, 'edits.yaml'), '- { file: resources/query.yaml, after: ["  NoSuchType:"], insert: "x" }\n');
    const before = copies();
    expect(() => loadModelWith(overlay)).toThrow(/no line '  NoSuchType:' in resources\/query.yaml/);
    expect(copies()).toBe(before);
  }, 60_000);
});
