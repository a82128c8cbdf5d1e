import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, decodeJson, JsonShapeError, NotJsonError, TruncatedJsonError, UnsafeJsonError, type CodecIssue, type ModelName } from '../../index.js';
import { failure } from '../../../test/fixtures.js';

const ref = { UID: 'urn:veeam:Job:1', Name: 'x', Href: 'https://em:9398/api/jobs/1', Type: 'JobReference' };
const repository = { Capacity: 1, FreeSpace: 1, Name: 'r', UID: 'urn:veeam:Repository:1', Href: 'https://em:9398/api/repositories/1' };
const refs = (extra = '') => `{"Refs":[${JSON.stringify(ref)}]${extra}}`;
const withRepository = (fields: string) => `{"Repositories":[${JSON.stringify(repository).slice(0, -1)},${fields}}]}`;

/** The first issue of the named error a body gives, checked to be of `kind`. */
function refusal(kind: abstract new (...args: never[]) => Error, type: ModelName, body: string | Uint8Array, strict = false): CodecIssue {
  const error = failure(() => decodeJson(type, body, { strict }));
  expect(error).toBeInstanceOf(kind);
  expect(error.name).toBe(kind.name);
  return error.issues[0]!;
}

describe('hostile JSON gives a named error, never a crash, a wrong value or a polluted prototype', () => {
  it('refuses JSON nested deeper than 64 levels under an unknown key, and reads 60 with a warning', () => {
    const nested = (n: number) => refs(`,"x":${'['.repeat(n)}${']'.repeat(n)}`);
    const warnings: CodecIssue[] = [];
    expect(decodeJson('EntityReferences', nested(60), { onWarning: (w) => warnings.push(w) }).Ref).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ path: '$.x', code: 'unknown' })]);
    expect(refusal(UnsafeJsonError, 'EntityReferences', nested(100_000))).toMatchObject({ path: '$.x', expected: 'at most 64 nested levels' });
  }, 30_000);

  it('refuses arrays nested where the spec has objects, naming the path and what came', () => {
    expect(refusal(JsonShapeError, 'EntityReferences', `{"Refs":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)).toMatchObject({ path: '$.Refs[0]', expected: 'an object (Ref)', actual: 'an array of 1' });
    expect(refusal(JsonShapeError, 'EntityReferences', '[]')).toMatchObject({ path: '$', expected: 'an object (EntityReferences)', actual: 'an array of 0' });
    expect(refusal(JsonShapeError, 'EntityReferences', '{"Refs":{}}')).toMatchObject({ path: '$.Refs', expected: 'an array' });
    expect(refusal(JsonShapeError, 'QueryResult', '{"Refs":[]}')).toMatchObject({ path: '$.Refs', expected: 'an object holding the Refs array', actual: 'an array of 0' });
  });

  it('refuses a long beyond 2^53 with the digits the server wrote, which JSON.parse would have rounded', () => {
    expect(refusal(JsonShapeError, 'Repositories', withRepository('"Capacity":9007199254740993'))).toMatchObject({ path: '$.Repositories[0].Capacity', actual: '9007199254740993', code: 'value' });
    expect(refusal(JsonShapeError, 'Repositories', withRepository('"Capacity":1e400'))).toMatchObject({ path: '$.Repositories[0].Capacity', actual: 'Infinity' });
    expect(refusal(JsonShapeError, 'Repositories', withRepository('"Capacity":1.5'))).toMatchObject({ actual: '1.5' });
    expect(decodeJson('Repositories', withRepository('"Capacity":9007199254740991,"FreeSpace":-1')).Repository[0]).toMatchObject({ Capacity: 9007199254740991, FreeSpace: -1 });
    expect(Object.is(decodeJson('Repositories', withRepository('"Capacity":-0')).Repository[0]!.Capacity, 0)).toBe(true);
  });

  it('refuses values of the wrong JSON type: a number as a string, a string as a number or a boolean', () => {
    expect(refusal(JsonShapeError, 'Repositories', withRepository('"Capacity":"100"'))).toMatchObject({ expected: 'a JSON number (an integer)', actual: 'the string "100"' });
    expect(refusal(JsonShapeError, 'Repositories', withRepository('"Name":5'))).toMatchObject({ path: '$.Repositories[0].Name', expected: 'a JSON string (text)', actual: 'the number 5' });
    expect(refusal(JsonShapeError, 'CloudFailoverPlanManagementSpec', '{"StartNow":"true"}')).toMatchObject({ path: '$.StartNow', expected: 'true or false' });
    expect(refusal(JsonShapeError, 'CloudFailoverPlanManagementSpec', '{"StartNow":true,"StartDate":"2015-12-29 15:13"}')).toMatchObject({ path: '$.StartDate', code: 'value' });
    expect(refusal(JsonShapeError, 'EntityReferences', '{"Refs":[null]}')).toMatchObject({ path: '$.Refs[0]', actual: 'null' });
  });

  it('refuses a body missing a required property, naming it in the body\'s casing', () => {
    const { UID: _, ...noUid } = ref;
    expect(refusal(JsonShapeError, 'EntityReferences', JSON.stringify({ Refs: [noUid] }))).toMatchObject({ path: '$.Refs[0].UID', code: 'missing' });
    expect(refusal(JsonShapeError, 'EntityReferences', JSON.stringify({ refs: [{ name: 'x', href: ref.Href, type: 'T' }] }))).toMatchObject({ path: '$.refs[0].uid', code: 'missing' });
    expect(refusal(JsonShapeError, 'EntityReferences', JSON.stringify({ Refs: [{ ...ref, UID: null }] }))).toMatchObject({ path: '$.Refs[0].UID', code: 'missing' });
  });

  it('never lets __proto__, constructor or prototype keys reach the value or a prototype', () => {
    const body = `{"__proto__":{"polluted":1},"Refs":[${JSON.stringify(ref).slice(0, -1)},"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}}]}`;
    const warnings: CodecIssue[] = [];
    const list = decodeJson('EntityReferences', body, { onWarning: (w) => warnings.push(w) });
    expect(Object.getPrototypeOf(list)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(list.Ref[0])).toBe(Object.prototype);
    expect(Object.keys(list.Ref[0]!).sort()).toEqual(['Href', 'Name', 'Type', 'UID']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings.map((w) => w.path).sort()).toEqual(['$.Refs[0].__proto__', '$.Refs[0].constructor', '$.__proto__']);
    expect(failure(() => decodeJson('EntityReferences', body, { strict: true })).issues).toContainEqual(expect.objectContaining({ path: '$.__proto__', code: 'unknown' }));
  });

  it('warns of mixed key casing in lenient mode and refuses it in strict mode; the body\'s casing is its first key\'s', () => {
    const mixed = JSON.stringify({ Refs: [{ uid: ref.UID, Name: 'x', href: ref.Href, Type: 'T' }] });
    const warnings: CodecIssue[] = [];
    let casing: string | undefined;
    decodeJson('EntityReferences', mixed, { onWarning: (w) => warnings.push(w), onCasing: (c) => (casing = c) });
    expect(casing).toBe('PascalCase');
    expect(warnings.map((w) => [w.path, w.code])).toEqual([['$.Refs[0].uid', 'casing'], ['$.Refs[0].href', 'casing']]);
    expect(refusal(JsonShapeError, 'EntityReferences', mixed, true)).toMatchObject({ path: '$.Refs[0].uid', expected: 'PascalCase keys, as the rest of the body', code: 'casing' });
    const twice = failure(() => decodeJson('EntityReferences', `{"Refs":[],"refs":[]}`, { strict: true }));
    expect(twice.issues).toContainEqual(expect.objectContaining({ path: '$.refs', actual: 'a second one, in the other casing' }));
  });

  it('refuses what is not JSON: nothing, XML, an HTML page, bytes that are not UTF-8', () => {
    expect(refusal(NotJsonError, 'EntityReferences', '')).toMatchObject({ actual: 'an empty body', code: 'not-json' });
    expect(refusal(NotJsonError, 'EntityReferences', '<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"/>')).toMatchObject({ actual: 'XML or HTML' });
    expect(refusal(NotJsonError, 'EntityReferences', '<!DOCTYPE html><html><body>503</body></html>')).toMatchObject({ actual: 'an HTML page' });
    expect(refusal(NotJsonError, 'EntityReferences', new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ actual: 'bytes that are not UTF-8' });
  });

  it('refuses every prefix of a body as truncated, and text after a complete value as not JSON', () => {
    const body = refs();
    for (let n = 1; n < body.length; n++) expect(failure(() => decodeJson('EntityReferences', body.slice(0, n))), body.slice(0, n)).toBeInstanceOf(TruncatedJsonError);
    expect(refusal(NotJsonError, 'EntityReferences', `${body}x`)).toMatchObject({ code: 'not-json' });
    expect(failure(() => decodeJson('EntityReferences', `${body}x`))).not.toBeInstanceOf(TruncatedJsonError);
  });

  it('counts the size cap in UTF-8 bytes: a body of exactly maxBytes is read, one byte more refused', () => {
    const body = (bytes: number) => JSON.stringify({ Refs: [{ ...ref, Name: 'é'.repeat((bytes - Buffer.byteLength(JSON.stringify({ Refs: [{ ...ref, Name: '' }] }))) / 2) }] });
    expect(Buffer.byteLength(body(400))).toBe(400);
    expect(decodeJson('EntityReferences', body(400), { maxBytes: 400 }).Ref).toHaveLength(1);
    const error = failure(() => decodeJson('EntityReferences', body(402), { maxBytes: 401 }));
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error.issues[0]).toMatchObject({ expected: 'at most 401 bytes', actual: '402 bytes', code: 'too-large' });
    expect(failure(() => decodeJson('EntityReferences', new TextEncoder().encode(body(402)), { maxBytes: 401 }))).toBeInstanceOf(BodyTooLargeError);
  });
});
