import type { ModelTypes } from '../../generated/types.gen.js';
import { builtinModel } from '../../model.js';
import type { ApiModel } from '../../spec-types.js';
import { DEFAULT_MAX_BYTES, type DecodeOptions, type ModelName } from '../decode.js';
import { JsonShapeError, NotJsonError, TruncatedJsonError, type CodecIssue } from '../errors.js';
import { bodyText } from '../body-text.js';
import { IssueCapReached, Issues } from '../issues.js';
import type { KeyCasing } from './json-names.js';
import { jsonPlansOf } from './json-plan.js';
import { JsonReader } from './json-reader.js';

export interface JsonDecodeOptions extends DecodeOptions {
  /**
   * Receives the casing of the body's keys (PascalCase as documented, camelCase as EM 13 writes), once
   * a key has told it; a key in the other casing after that is a 'casing' issue (a warning, an error
   * when strict). (default: none)
   */
  onCasing?: (casing: KeyCasing) => void;
}


/**
 * Decodes a JSON body into the model `type`: the same typed value the XML of that body decodes to.
 * @throws {XmlCodecError} a subclass naming what went wrong (NotJsonError, TruncatedJsonError,
 *   BodyTooLargeError, UnsafeJsonError, JsonShapeError), with the issues found.
 * @example const list = decodeJson('EntityReferences', '{"Refs":[]}'); list.Ref // []
 */
export function decodeJson<T extends ModelName>(type: T, body: string | Uint8Array, options: JsonDecodeOptions = {}): ModelTypes[T] {
  return decodeJsonIn(builtinModel, type, body, options) as ModelTypes[T];
}

/** Decodes a JSON body into the type `type` of `model` (a spec other than the built-in one). */
export function decodeJsonIn(model: ApiModel, type: string, body: string | Uint8Array, options: JsonDecodeOptions = {}): unknown {
  const plan = jsonPlansOf(model).get(type);
  if (!plan) throw new TypeError(`No map for the type '${type}'`);
  const text = toText(body, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const parsed = parse(text);
  const issues = new Issues(options.strict === true);
  const reader = new JsonReader(issues, text);
  let value: unknown;
  try {
    value = reader.readObject(plan, parsed);
  } catch (error) {
    if (!(error instanceof IssueCapReached)) throw error;
    throw new JsonShapeError(issues.allErrors(), `The ${type} body does not match the spec`);
  }
  if (issues.errors.length > 0) throw new JsonShapeError(issues.allErrors(), `The ${type} body does not match the spec`);
  if (reader.casing !== undefined) options.onCasing?.(reader.casing);
  if (options.onWarning) for (const issue of issues.allWarnings()) options.onWarning(issue);
  return value;
}

function toText(body: string | Uint8Array, maxBytes: number): string {
  return bodyText(body, maxBytes, {
    root: '$',
    notText: () => new NotJsonError([{ path: '$', expected: 'UTF-8 text', actual: 'bytes that are not UTF-8', code: 'not-json' }], 'The body is not JSON'),
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const start = text.trimStart().slice(0, 60);
    // V8 says where it stopped: at the very end of the text, the value was cut short.
    const at = /at position (\d+)/.exec(message);
    if (/^[[{]/.test(start) && (/Unexpected end of JSON input/.test(message) || (at !== null && +at[1]! >= text.trimEnd().length))) {
      const issue: CodecIssue = { path: '$', expected: 'the rest of the JSON value', actual: `the end of the body after ${text.length} characters`, code: 'truncated' };
      throw new TruncatedJsonError([issue], 'The body ends before its JSON value does');
    }
    const actual = start === '' ? 'an empty body' : /^<(!doctype\s+html|html[\s>])/i.test(start) ? 'an HTML page' : start.startsWith('<') ? 'XML or HTML' : message;
    throw new NotJsonError([{ path: '$', expected: 'a JSON value', actual, code: 'not-json' }], 'The body is not JSON');
  }
}
