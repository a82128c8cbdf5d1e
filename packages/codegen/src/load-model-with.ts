import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { ApiModel } from '@vbem/models';
import { defaultSpecDir } from './load-spec.js';
import { loadModel } from './model-of.js';

/** Where the spec fixtures (resource families the real spec does not have) live in a checkout of this repository. */
export const specFixturesDir = new URL('../../../spec-fixtures/', import.meta.url).pathname;

/** The file of an overlay that lists its edits of the spec's own files; it is not copied. */
const EDITS_FILE = 'edits.yaml';

/** One edit of a spec file: `insert` goes after the first line equal to the last of `after`, each earlier line of `after` found before it in order. */
interface SpecEdit {
  readonly file: string;
  readonly after: readonly string[];
  readonly insert: string;
}

/**
 * Loads the model of a spec with an overlay folder laid over a temporary copy of it: the overlay's
 * files (`resources/*.yaml`, `examples/*`) are added or replace the spec's, and the lines its
 * `edits.yaml` lists are inserted into the spec's own files (a list of `{ file, after, insert }`, as
 * a resource family that needs a line in a shared type, e.g. the query service's `QueryEntities`).
 * The copy is removed before it returns; neither folder is changed.
 * @throws {SpecError} when the overlaid spec does not load; an Error when an edit's anchor lines are not found.
 * @example const model = loadModelWith(join(specFixturesDir, 'widgets')); model.operations.listWidgets
 */
export function loadModelWith(overlayDir: string, specDir: string = defaultSpecDir): ApiModel {
  const root = mkdtempSync(join(tmpdir(), 'vbem-overlay-'));
  try {
    const spec = join(root, basename(specDir.replace(/\/$/, '')));
    cpSync(specDir, spec, { recursive: true });
    cpSync(overlayDir, spec, { recursive: true, filter: (path) => basename(path) !== EDITS_FILE });
    const edits = join(overlayDir, EDITS_FILE);
    for (const edit of existsSync(edits) ? (parse(readFileSync(edits, 'utf8')) as SpecEdit[]) : []) applyEdit(spec, edit);
    return loadModel(spec);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function applyEdit(specDir: string, edit: SpecEdit): void {
  const path = join(specDir, edit.file);
  const lines = readFileSync(path, 'utf8').split('\n');
  let at = -1;
  for (const anchor of edit.after) {
    at = lines.findIndex((line, i) => i > at && line.trimEnd() === anchor);
    if (at < 0) throw new Error(`${EDITS_FILE}: no line '${anchor}' in ${edit.file} (after ${edit.after.join(' / ')})`);
  }
  lines.splice(at + 1, 0, ...edit.insert.replace(/\n$/, '').split('\n'));
  writeFileSync(path, lines.join('\n'));
}
