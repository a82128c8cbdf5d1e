import { describe, expect, it } from 'vitest';
import { generateJsonMaps } from './generate-json-maps.js';
import { SpecError } from './index.js';
import { specFrom } from '../test/spec-from.js';

const mapsOf = (yaml: string) => {
  const text = generateJsonMaps(specFrom(yaml));
  return JSON.parse(text.slice(text.indexOf('= {') + 2, text.lastIndexOf('} as const') + 1));
};

const problems = (yaml: string): string[] => {
  try {
    specFrom(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message.split('\n');
  }
  throw new Error('expected the spec to be refused');
};

describe('generateJsonMaps', () => {
  it('writes the JSON departures of the types that declare some, and nothing for the others', () => {
    const maps = mapsOf(`types:
  Link:
    attributes: { Href: { type: url } }
    json: { list: array }
  Job:
    root: Job
    attributes: { Name: { type: string } }
    elements:
      RetrySpecified: { type: boolean }
      Links: { list: Link, optional: true }
    json: { names: { RetrySpecified: RetrySpecified1 } }
  Plain:
    root: Plain
    attributes: { Name: { type: string } }
`);
    expect(maps).toEqual({ Link: { list: 'array' }, Job: { names: { RetrySpecified: 'RetrySpecified1' } } });
  });

  it('refuses a JSON name for a field the type lacks, with file and line and a suggestion', () => {
    expect(
      problems(`types:
  Job:
    root: Job
    elements:
      RetrySpecified: { type: boolean }
    json:
      names: { RetrySpecifed: RetrySpecified1 }
`),
    ).toEqual([`spec/resources/r2.yaml:7: types.Job.json.names.RetrySpecifed: 'RetrySpecifed' is not a field of Job (did you mean 'RetrySpecified'?)`]);
  });
});
