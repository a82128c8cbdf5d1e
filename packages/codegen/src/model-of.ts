import type { ApiModel } from '@vbem/models';
import { loadSpec } from './load-spec.js';
import { apiOf, linkTargetsOf, operationTable } from './generate-operations.js';
import { jsonMapsOf } from './generate-json-maps.js';
import { xmlMapsOf } from './generate-xml-maps.js';
import type { Spec } from './spec-model.js';

/** The model the generated files hold, in memory: what the client, mock and conformance suite take as `model`. */
export function modelOf(spec: Spec): ApiModel {
  return { api: apiOf(spec), operations: operationTable(spec), xmlMaps: xmlMapsOf(spec), jsonMaps: jsonMapsOf(spec), examples: spec.examples, linkTargets: linkTargetsOf(spec) };
}

/**
 * Loads a spec folder straight into a model, without generating files: how a spec other than the
 * built-in one drives the toolkit.
 * @throws {SpecError} listing each problem with its file and line.
 * @example const model = loadModel('/tmp/my-spec'); createMockState({ model })
 */
export function loadModel(specDir: string): ApiModel {
  return modelOf(loadSpec(specDir));
}
