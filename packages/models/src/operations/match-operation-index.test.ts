import { expect, it } from 'vitest';
import { builtinModel, matchOperation, operationsAtPath, type OperationSpec } from '../index.js';
import { prng } from '../prng.js';

const SEED = Number(process.env.VBEM_PROPERTY_SEED ?? 20_261_208);
const model = builtinModel;
const table = Object.values(model.operations);

/** The oracle: every template of the table tried in order, as the lookup did before it was indexed. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patternOf = (op: OperationSpec) => new RegExp(`^${escape(`${model.api.basePath}${op.path}`.replace(/\/$/, '')).replace(/\\\{(\w+)\\\}/g, '(?<$1>[^/]+)')}/?$`);
const constHolds = (op: OperationSpec, url: URL) => op.query.every((q) => q.const === undefined || url.searchParams.get(q.name)?.toLowerCase() === q.const.toLowerCase());
const patterns = new Map(table.map((op) => [op, patternOf(op)]));
const atPathByScan = (url: URL) => table.filter((op) => patterns.get(op)!.test(url.pathname) && constHolds(op, url));
const matchByScan = (method: string, url: URL) => atPathByScan(url).find((op) => op.method === method);

/** Paths built from the table's own segments (literal ones, parameters filled, some changed), of every length around theirs. */
function randomUrl(random: () => number): URL {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const template = `${model.api.basePath}${pick(table).path}`.split('/');
  const segments = template.map((s) => (s.includes('{') ? pick(['362da803-804d-4c32-ad35-0972e432460b', 'x', 'a%2Fb']) : s));
  const roll = random();
  if (roll < 0.15) segments.push(pick(table).path.split('/').at(-1) ?? '');
  else if (roll < 0.3 && segments.length > 2) segments.pop();
  else if (roll < 0.45) segments[1 + Math.floor(random() * (segments.length - 1))] = pick(pick(table).path.split('/'));
  const query = table.flatMap((op) => op.query.filter((q) => q.const !== undefined).map((q) => `${q.name}=${q.const}`));
  const path = segments.join('/') + (random() < 0.2 ? '/' : '');
  return new URL(`https://em.example:9398${path}${random() < 0.5 && query.length > 0 ? `?${pick(query)}` : ''}`);
}

it('finds, for a URL of each template of the table, the operation a scan of the whole table finds', () => {
  for (const op of table) {
    const path = `${model.api.basePath}${op.path}`.replace(/\{\w+\}/g, 'a-b');
    const query = op.query.filter((q) => q.const !== undefined).map((q) => `${q.name}=${q.const}`).join('&');
    for (const suffix of ['', '/']) {
      const url = new URL(`https://em.example:9398${path.replace(/\/$/, '')}${suffix}${query ? `?${query}` : ''}`);
      expect(matchOperation(op.method, url)?.operation.id, url.href).toBe(matchByScan(op.method, url)?.id);
      expect(matchOperation(op.method, url)?.operation.id, url.href).toBe(op.id);
    }
  }
});

it(`answers every URL as the scan of the whole table does (2000 URLs from the table's segments, seed ${SEED})`, () => {
  const random = prng(SEED);
  const methods = [...new Set(table.map((op) => op.method))];
  let matched = 0;
  for (let i = 0; i < 2000; i++) {
    const url = randomUrl(random);
    expect(operationsAtPath(url).map((op) => op.id), url.href).toEqual(atPathByScan(url).map((op) => op.id));
    for (const method of methods) {
      const found = matchOperation(method, url);
      expect(found?.operation.id, `${method} ${url.href}`).toBe(matchByScan(method, url)?.id);
      if (found) matched++;
    }
  }
  // The URLs hit templates, not only miss them: the comparison says something.
  expect(matched).toBeGreaterThan(500);
});
