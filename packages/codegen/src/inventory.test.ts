import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultInventoryFile, InventoryError, loadInventory } from './inventory.js';

const dir = mkdtempSync(join(tmpdir(), 'vbem-inventory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(text: string): string {
  const file = join(dir, `inventory-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return file;
}

const entry = { method: 'GET', path: '/widgets', docs: 'get_widgets.html', family: 'widgets' };

describe('loadInventory', () => {
  it('reads the operations of the file', () => {
    expect(loadInventory(fileWith(JSON.stringify({ operations: [entry] })))).toEqual([entry]);
  });

  it('refuses an entry without its family, saying which', () => {
    const { family: _family, ...partial } = entry;
    expect(() => loadInventory(fileWith(JSON.stringify({ operations: [partial] })))).toThrow(InventoryError);
    expect(() => loadInventory(fileWith(JSON.stringify({ operations: [partial] })))).toThrow(/operations\[0\]\.family: expected a non-empty string, got undefined/);
  });

  it('refuses a page listed twice', () => {
    expect(() => loadInventory(fileWith(JSON.stringify({ operations: [entry, { ...entry, method: 'POST' }] })))).toThrow(/get_widgets\.html is listed twice/);
  });

  it('refuses a file that is not JSON', () => {
    expect(() => loadInventory(fileWith('operations: []'))).toThrow(InventoryError);
  });
});

describe('spec/inventory.json', () => {
  it('is what scripts/inventory.mjs takes from the reference, not edited by hand', () => {
    const script = new URL('../../../scripts/inventory.mjs', import.meta.url).pathname;
    const reference = new URL('../../../../shared/veeam/em_rest/', import.meta.url).pathname;
    const retaken = join(dir, 'retaken.json');
    execFileSync(process.execPath, [script, reference, retaken], { stdio: 'pipe' });
    expect(readFileSync(defaultInventoryFile, 'utf8')).toBe(readFileSync(retaken, 'utf8'));
  });

  it('lists one operation per page whose title is a request, each method counted as the pages are', () => {
    const reference = new URL('../../../../shared/veeam/em_rest/', import.meta.url).pathname;
    const requestPages = execFileSync('grep', ['-l', '-E', '^title: "(GET|POST|PUT|DELETE) /', '-r', reference, '--include=*.md'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const inventory = loadInventory();
    expect(inventory.length).toBe(requestPages.length);
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const pages = requestPages.filter((p) => p.split('/').pop()!.startsWith(`${method.toLowerCase()}_`));
      expect(inventory.filter((o) => o.method === method).length, method).toBe(pages.length);
    }
  });
});
