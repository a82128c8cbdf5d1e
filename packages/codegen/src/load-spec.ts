import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import specSchema from './spec-schema.json' with { type: 'json' };
import { SpecError, type SpecProblem } from './spec-error.js';
import { parseSpecFile, type SpecFile, type SpecPath } from './spec-file.js';
import { buildSpec } from './build-spec.js';
import type { Spec } from './spec-model.js';

const validateFile = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(specSchema);

/** Where the spec lives in a checkout of this repository. */
export const defaultSpecDir = new URL('../../../spec/', import.meta.url).pathname;

/**
 * Loads every file of the spec, checks it against the format and resolves every reference.
 * @throws {SpecError} listing each problem with its file and line.
 * @example const spec = loadSpec('spec'); spec.operations.map((o) => o.id)
 */
export function loadSpec(specDir: string = defaultSpecDir): Spec {
  const files = listSpecFiles(specDir).map(({ path, name }) => parseSpecFile(name, readFileSync(path, 'utf8')));
  const problems: SpecProblem[] = files.filter((f): f is SpecProblem => !('data' in f));
  const parsed = files.filter((f): f is SpecFile => 'data' in f);
  for (const file of parsed) {
    if (!validateFile(file.data)) problems.push(...validateFile.errors!.map((e) => schemaProblem(file, e)));
  }
  if (problems.length > 0) throw new SpecError(problems);
  return buildSpec(parsed, (file) => readExample(specDir, file));
}

function listSpecFiles(specDir: string): { path: string; name: string }[] {
  const prefix = basename(specDir.replace(/\/$/, ''));
  const resources = join(specDir, 'resources');
  const resourceFiles = existsSync(resources)
    ? readdirSync(resources).filter((f) => f.endsWith('.yaml')).sort()
    : [];
  return [
    { path: join(specDir, 'api.yaml'), name: `${prefix}/api.yaml` },
    ...resourceFiles.map((f) => ({ path: join(resources, f), name: `${prefix}/resources/${f}` })),
  ];
}

function readExample(specDir: string, file: string): string | undefined {
  const path = join(specDir, 'examples', file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function schemaProblem(file: SpecFile, error: ErrorObject): SpecProblem {
  const path: SpecPath = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return file.problem([...path, String(params.additionalProperty)], `unknown key '${String(params.additionalProperty)}'`);
  }
  if (error.keyword === 'required') return file.problem(path, `missing required key '${String(params.missingProperty)}'`);
  if (error.keyword === 'enum') {
    return file.problem(path, `${error.message} (${(params.allowedValues as unknown[]).join(', ')})`);
  }
  return file.problem(path, error.message ?? error.keyword);
}
