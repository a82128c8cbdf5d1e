import { describe, expect, it } from 'vitest';
import { builtinModel, decode, decodeIn, encode, encodeIn, examples, type ModelName } from '../index.js';
import { legacyEncodeIn } from '../../test/legacy-encode.js';

describe('encode writes text straight from the plan', () => {
  it.each(examples.map((e) => [e.file, e] as const))('writes %s byte for byte as the XMLBuilder-based encoder did', (_file, ex) => {
    const value = decodeIn(builtinModel, ex.type, ex.xml);
    expect(encodeIn(builtinModel, ex.type, value)).toBe(legacyEncodeIn(builtinModel, ex.type, value));
  });

  it('keeps what a parser would normalize away: white space at the ends of text, tabs and line ends in attributes, CR', () => {
    const nasty = [' lead', 'trail ', '\ttab\t', 'a\r\nb', 'a\rb', '\n', '  ', 'a  b', `<&>'"`, ']]>', '\u00a0nbsp\u00a0', '\u{1F600}'];
    for (const text of nasty) {
      const value = { Message: text, StatusCode: 1, Status: text, FirstChanceExceptionMessage: text };
      expect(decode('ErrorBody', encode('ErrorBody', value)), JSON.stringify(text)).toEqual(value);
    }
  });

  it('writes an empty list, an empty string and a declaration as documented', () => {
    expect(encode('EntityReferences', { Ref: [] }, { declaration: true })).toBe('<?xml version="1.0" encoding="utf-8"?>\n<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"/>');
    expect(encode('ErrorBody', { Message: '', StatusCode: 0, FirstChanceExceptionMessage: '' })).toBe(
      '<Error xmlns="http://www.veeam.com/ent/v1.0" Message="" StatusCode="0"><FirstChanceExceptionMessage/></Error>',
    );
  });

  it('refuses a type that is not a document', () => {
    expect(() => encode('Link' as ModelName, {} as never)).toThrow(/Link has no root element/);
  });
});
