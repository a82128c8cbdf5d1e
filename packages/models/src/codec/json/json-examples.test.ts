import { describe, expect, it } from 'vitest';
import { decode, decodeJson, encodeJson, examples, type CodecIssue, type JsonEncodeOptions, type KeyCasing, type ModelName } from '../../index.js';

const STYLES: [string, JsonEncodeOptions][] = [
  ['PascalCase, nulls left out (9.5)', {}],
  ['PascalCase with nulls (v10 to v12)', { nulls: true }],
  ['camelCase with nulls (v13)', { casing: 'camelCase', nulls: true }],
];

describe.each(examples.map((e) => [e.file, e] as const))('documented example %s', (_file, ex) => {
  const type = ex.type as ModelName;
  it.each(STYLES)('decoded from XML, written as JSON %s and read back, is the same value, in strict mode and in that casing', (_style, options) => {
    const value = decode(type, ex.xml);
    let casing: KeyCasing | undefined;
    const warnings: CodecIssue[] = [];
    const json = encodeJson(type, value as never, options);
    const again = decodeJson(type, json, { strict: true, onCasing: (c) => (casing = c), onWarning: (w) => warnings.push(w) });
    expect(again).toEqual(value);
    expect(warnings).toEqual([]);
    // A body with no keys (an empty list) tells no casing.
    if (json !== '{}') expect(casing).toBe(options.casing ?? 'PascalCase');
  });
});

describe('the JSON shape encode writes', () => {
  const session = decode('BackupJobSession', examples.find((e) => e.type === 'BackupJobSession')!.xml);

  it('drops the root name, writes attributes and elements side by side, links as a plain array, dates with their digits', () => {
    const json = JSON.parse(encodeJson('BackupJobSession', session)) as Record<string, unknown>;
    expect(json).toMatchObject({ Name: 'Fileserver Backup@2014-10-19 05:22:52', JobType: 'Backup', Progress: 100, IsRetry: false, CreationTimeUTC: '2014-10-19T05:22:52Z' });
    expect(Array.isArray(json.Links)).toBe(true);
    expect(json).not.toHaveProperty('BackupJobSession');
  });

  it('lowers the leading capitals of every key in camelCase, values unchanged', () => {
    const json = JSON.parse(encodeJson('BackupJobSession', session, { casing: 'camelCase' })) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['uid', 'jobUid', 'creationTimeUTC', 'isRetry', 'links']));
    expect((json.links as { rel: string }[])[0]).toMatchObject({ rel: 'Up', type: 'BackupServerReference' });
  });

  it('names a repeated element by its plural and wraps a list nested in an object twice', () => {
    const list = JSON.parse(encodeJson('BackupJobSessions', { BackupJobSession: [session] })) as Record<string, unknown[]>;
    expect(list.BackupJobSessions).toHaveLength(1);
    const query = JSON.parse(encodeJson('QueryResult', { Entities: { BackupJobSessions: [session] }, Refs: [], PagingInfo: { PageNum: 1, PageSize: 100, PagesCount: 1 } })) as Record<string, Record<string, Record<string, unknown[]>>>;
    expect(query.Entities!.BackupJobSessions!.BackupJobSessions).toHaveLength(1);
    expect(query.Refs).toEqual({ Refs: [] });
  });

  it('writes absent fields as null only when asked', () => {
    const running = { ...session, EndTimeUTC: undefined };
    expect(JSON.parse(encodeJson('BackupJobSession', running))).not.toHaveProperty('EndTimeUTC');
    expect(JSON.parse(encodeJson('BackupJobSession', running, { nulls: true }))).toHaveProperty('EndTimeUTC', null);
  });
});
