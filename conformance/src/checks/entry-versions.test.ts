import { api, builtinModel, examples } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { advertisedVersions, chooseVersion, newestVersion } from '../api-versions.js';
import { understand } from '../understand.js';
import { documentedExchange } from '../test-support/exchange-of.js';
import { entryVersions } from './entry-versions.js';

/** The documented entry point, its XML rewritten by `edit`. */
const entry = (edit: (xml: string) => string = (x) => x) => {
  const file = examples.find((e) => e.operation === api.protocol.entryPoint && e.status === 200)!.file;
  const documented = documentedExchange(file);
  return documentedExchange(file, { body: edit(documented.response!.body) });
};
const judge = (edit?: (xml: string) => string) => entryVersions.run(entry(edit), { exchanges: [] });

describe('entry.versions', () => {
  it('passes the documented entry point, naming the versions it advertises', () => {
    const [result] = judge();
    expect(result?.status).toBe('passed');
    expect(result?.message).toMatch(/v1_5, v1_6, v1_7/);
  });

  it('warns about a version the spec does not list, naming it, without failing', () => {
    const results = judge((xml) => xml.replaceAll('v1_7', 'v1_8'));
    expect(results.map((r) => r.status)).toEqual(['warning']);
    expect(results[0]!.message).toMatch(/undocumented API version v1_8/);
  });

  it('fails an entry point that advertises no version besides the alias', () => {
    const results = judge((xml) => xml.replaceAll(/<Link\b[^>]*\?v=v1_\d+[^>]*\/>/g, ''));
    expect(results.map((r) => r.status)).toEqual(['failed']);
    expect(results[0]!.message).toMatch(/came: none/);
  });

  it('fails a logon link that names no version', () => {
    const results = judge((xml) => xml.replace(/\?v=v1_6/, ''));
    expect(results.map((r) => r.status)).toEqual(['failed']);
    expect(results[0]!.message).toMatch(/name no version/);
  });
});

describe('the API version a run logs on with', () => {
  const advertised = () => advertisedVersions(understand(entry()).value, builtinModel);

  it('reads every logon link of the entry point with the version it names', () => {
    expect(advertised().map((a) => a.version)).toEqual(['latest', 'v1_5', 'v1_6', 'v1_7']);
  });

  it('asks for the alias where the entry point offers it, and names the newest version as the one answering', () => {
    expect(chooseVersion(advertised(), builtinModel)).toEqual({ asked: 'latest', version: 'v1_7' });
  });

  it('asks for the newest advertised version where the alias is not offered', () => {
    expect(chooseVersion(advertised().filter((a) => a.version !== 'latest'), builtinModel)).toEqual({ asked: 'v1_7', version: 'v1_7' });
  });

  it('orders versions by their numbers, not as text', () => {
    expect(newestVersion(['v1_9', 'v1_10', 'v1_2'])).toBe('v1_10');
    expect(newestVersion([])).toBeUndefined();
  });
});
