import { api, linkTargets, operations } from './generated/operations.gen.js';
import { examples } from './generated/examples.gen.js';
import { jsonMaps } from './generated/json-maps.gen.js';
import { xmlMaps } from './generated/xml-maps.gen.js';
import type { ApiModel } from './spec-types.js';

/** The model generated from spec/: what the client, the mock and the conformance suite run on unless given another. */
export const builtinModel: ApiModel = { api, operations, xmlMaps, jsonMaps, examples, linkTargets };
