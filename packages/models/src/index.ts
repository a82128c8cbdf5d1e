export { decode, decodeIn, DEFAULT_MAX_BYTES } from './codec/decode.js';
export { encode, encodeIn } from './codec/encode.js';
export { decodeJson, decodeJsonIn } from './codec/json/decode-json.js';
export { encodeJson, encodeJsonIn } from './codec/json/encode-json.js';
export { camelCase } from './codec/json/json-names.js';
export { representations, mediaTypeOf } from './codec/json/representation.js';
export { decodeItems, decodeItemsIn } from './codec/decode-items.js';
export { listItemOf } from './codec/list-item.js';
export { builtinModel } from './model.js';
export { validate, checkSchema, modelSchema } from './codec/validate.js';
export { parseScalar, formatScalar } from './codec/scalars.js';
export { PreciseDate } from './codec/precise-date.js';
export {
  XmlCodecError,
  MalformedXmlError,
  TruncatedXmlError,
  NotXmlError,
  UnsafeXmlError,
  BodyTooLargeError,
  NamespaceError,
  RootElementError,
  XmlShapeError,
  ValidationError,
  NotJsonError,
  TruncatedJsonError,
  UnsafeJsonError,
  JsonShapeError,
} from './codec/errors.js';
export { api, operations, linkTargets } from './generated/operations.gen.js';
export { xmlMaps } from './generated/xml-maps.gen.js';
export { examples } from './generated/examples.gen.js';
export type { DecodeOptions, ModelName } from './codec/decode.js';
export type { EncodeOptions } from './codec/encode.js';
export type { JsonDecodeOptions } from './codec/json/decode-json.js';
export type { JsonEncodeOptions } from './codec/json/encode-json.js';
export type { KeyCasing } from './codec/json/json-names.js';
export type { Representation } from './codec/json/representation.js';
export type { ByteChunks, DecodeItemsOptions, ItemOf, ListModelName } from './codec/decode-items.js';
export type { CodecIssue, IssueCode } from './codec/errors.js';
export type { Scalar } from './codec/scalars.js';
export type { OperationTypes, LinkTargetTypes } from './generated/operations.gen.js';
export type * from './generated/types.gen.js';
export type * from './spec-types.js';
export { matchOperation, operationsAtPath, formatOf, withFormat, successOf, operationUrl } from './operations/match-operation.js';
export { logonSessionIdOf } from './operations/logon-session-of.js';
export { prng } from './prng.js';
export { mapFields } from './map-fields.js';
export { ruleBreaches, ruleApplies, conditionHolds, whenHolds, linkRequired } from './rules/rule-breaches.js';
export type { RuleBreach } from './rules/rule-breaches.js';
export type { OperationMatch, OperationId } from './operations/match-operation.js';
