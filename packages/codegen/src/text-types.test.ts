import { describe, expect, it } from 'vitest';
import { SpecError } from './index.js';
import { specFrom } from '../test/spec-from.js';

/** The messages of the SpecError a spec fragment gets. */
function problemsOf(yaml: string): string[] {
  try {
    specFrom(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the spec to be refused');
}

describe('a type with text beside its attributes (text:)', () => {
  it('is accepted with a scalar or an enum as its text', () => {
    expect(() => specFrom(`types:\n  DayName: { enum: [Sunday] }\n  Day:\n    attributes: { Name: { type: DayName } }\n    text: { type: DayName }\n`)).not.toThrow();
  });

  it('is refused with an object type as its text, naming the type', () => {
    expect(problemsOf(`types:\n  Other: { elements: { X: { type: int } } }\n  Day:\n    attributes: { Name: { type: string } }\n    text: { type: Other }\n`)).toEqual([
      "types.Day.text.type: 'Other' is an object type: text is a scalar or an enum",
    ]);
  });

  it('is refused with child elements, its own or a base type\'s', () => {
    expect(problemsOf(`types:\n  Base: { elements: { Kind: { type: string } } }\n  Day:\n    extends: Base\n    attributes: { Name: { type: string } }\n    text: { type: boolean }\n`)).toEqual([
      'types.Day.text: a type with text has no child elements, and this one has <Kind>: model it as elements, or the text as text alone',
    ]);
  });

  it('is refused with an attribute named as its text field', () => {
    expect(problemsOf(`types:\n  Day:\n    attributes: { Value: { type: string } }\n    text: { type: boolean }\n`)).toEqual([
      "types.Day.attributes.Value: the attribute 'Value' would take the name of the type's text (its field 'Value')",
    ]);
  });
});
