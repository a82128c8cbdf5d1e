import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverageOf, NotInInventoryError, type CoverageSpec } from './coverage.js';
import { defaultSpecDir, loadSpec } from './load-spec.js';
import { loadInventory, type InventoryOperation } from './inventory.js';

const base = 'https://docs.example/em_rest/';

/** A small inventory of two families, not today's reference. */
const inventory: InventoryOperation[] = [
  { method: 'GET', path: '/widgets', docs: 'get_widgets.html', family: 'widgets' },
  { method: 'GET', path: '/widgets/{ID}', docs: 'get_widgets_id.html', family: 'widgets' },
  { method: 'POST', path: '/widgets/{ID}?action=spin', docs: 'post_widgets_id_spin.html', family: 'widgets' },
  { method: 'DELETE', path: '/widgets/{ID}', docs: 'delete_widgets_id.html', family: 'widgets' },
  { method: 'GET', path: '/gadgets', docs: 'get_gadgets.html', family: 'gadgets' },
];

function specOf(...ops: [id: string, method: string, path: string, page: string][]): CoverageSpec {
  return {
    api: { docs: base, protocol: { entryPoint: 'getEntryPoint' } },
    operations: ops.map(([id, method, path, page]) => ({ id, method: method as 'GET', path, docs: new URL(page, base).href })),
  };
}

describe('coverageOf', () => {
  it('counts covered of documented per family and in total, GETs apart, and lists what is not covered', () => {
    const coverage = coverageOf(
      inventory,
      specOf(['listWidgets', 'GET', '/widgets', 'get_widgets.html'], ['spinWidget', 'POST', '/widgets/{id}', 'post_widgets_id_spin.html']),
    );
    expect(coverage.families).toEqual([
      { family: 'widgets', covered: 2, documented: 4, getCovered: 1, getDocumented: 2 },
      { family: 'gadgets', covered: 0, documented: 1, getCovered: 0, getDocumented: 1 },
    ]);
    expect(coverage.total).toEqual({ covered: 2, documented: 5, getCovered: 1, getDocumented: 3 });
    expect(coverage.missing.map((o) => o.docs)).toEqual(['get_widgets_id.html', 'delete_widgets_id.html', 'get_gadgets.html']);
    expect(coverage.outside).toEqual([]);
  });

  it('counts a page once however many spec operations name it', () => {
    const coverage = coverageOf(inventory, specOf(['a', 'GET', '/gadgets', 'get_gadgets.html'], ['b', 'GET', '/gadgets', 'get_gadgets.html']));
    expect(coverage.total.covered).toBe(1);
  });

  it('refuses a spec operation whose docs page is not in the inventory, naming it', () => {
    const spec = specOf(['listWidgets', 'GET', '/widgets', 'get_widgets.html'], ['listSprockets', 'GET', '/sprockets', 'get_sprockets.html']);
    expect(() => coverageOf(inventory, spec)).toThrow(NotInInventoryError);
    expect(() => coverageOf(inventory, spec)).toThrow(/listSprockets \(GET \/sprockets\): get_sprockets\.html is not in the inventory/);
  });

  it('refuses a spec operation that names the page of another method, so a GET cannot count a POST page', () => {
    const spec = specOf(['getSpin', 'GET', '/widgets/{id}/spin', 'post_widgets_id_spin.html']);
    expect(() => coverageOf(inventory, spec)).toThrow(/getSpin \(GET \/widgets\/\{id\}\/spin\): post_widgets_id_spin\.html documents POST/);
  });

  it('sets the entry point apart, counted in neither number, and only the entry point', () => {
    const coverage = coverageOf(inventory, specOf(['getEntryPoint', 'GET', '/', 'http_authentication.html']));
    expect(coverage.outside).toEqual([{ id: 'getEntryPoint', method: 'GET', path: '/', docs: 'http_authentication.html' }]);
    expect(coverage.total.covered).toBe(0);
    expect(() => coverageOf(inventory, specOf(['getRoot', 'GET', '/', 'http_authentication.html']))).toThrow(NotInInventoryError);
  });
});

describe('coverage of the real spec', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('fails when a spec operation is given a docs page the reference does not have', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vbem-coverage-')), 'spec');
    copies.push(dir);
    cpSync(defaultSpecDir, dir, { recursive: true });
    const file = join(dir, 'resources/tasks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('docs: get_tasks.html', 'docs: get_tasks_padded.html'));
    expect(() => coverageOf(loadInventory(), loadSpec(dir))).toThrow(/listTasks \(GET \/tasks\): get_tasks_padded\.html is not in the inventory/);
  });
});
