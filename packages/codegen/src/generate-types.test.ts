import { describe, expect, it } from 'vitest';
import { generateTypes } from './generate-types.js';
import { specFrom } from '../test/spec-from.js';

type TestCase = [name: string, given: string, want: string];

const cases: TestCase[] = [
  [
    'an enum becomes a union of its documented values',
    `types:\n  SessionResult:\n    summary: The result.\n    enum: [None, Success]\n`,
    `/** The result. */\nexport type SessionResult = 'None' | 'Success';\n`,
  ],
  [
    'attributes and elements become fields named as the XML names them, optional where the spec says',
    `types:\n  Link:\n    attributes:\n      Rel: { type: string }\n      Name: { type: string, optional: true, summary: Shown to people. }\n    elements:\n      Created: { type: dateTime }\n      Progress: { type: int }\n`,
    `export interface Link {\n  /** The Rel attribute. */\n  Rel: string;\n  /** Shown to people. */\n  Name?: string;\n  /** The <Created> element. */\n  Created: Date;\n  /** The <Progress> element. */\n  Progress: Int;\n}\n`,
  ],
  [
    'a wrapper list and a repeated element are arrays, a repeated one always present',
    `types:\n  Item:\n    attributes:\n      Id: { type: guid }\n  Items:\n    root: Items\n    extends: Item\n    elements:\n      Links: { list: Item, optional: true }\n      Item: { type: Item, repeated: true, optional: true }\n`,
    `export interface Items extends Item {\n  /** The <Links> element, a list of <Item>. */\n  Links?: Item[];\n  /** The <Item> element. */\n  Item: Item[];\n}\n`,
  ],
  [
    'a type with text beside its attributes holds the text as Value, typed as the text says',
    `types:\n  Day:\n    attributes:\n      Name: { type: string }\n    text: { type: boolean, summary: Whether the job runs that day. }\n`,
    `export interface Day {\n  /** The Name attribute. */\n  Name: string;\n  /** Whether the job runs that day. */\n  Value: boolean;\n}\n`,
  ],
];

describe('generateTypes', () => {
  it.each(cases)('%s', (_name, given, want) => {
    expect(generateTypes(specFrom(given))).toContain(want);
  });

  it('lists every object type in ModelTypes', () => {
    expect(generateTypes(specFrom(cases[2]![1]))).toContain('export interface ModelTypes {\n  ErrorBody: ErrorBody;\n  Item: Item;\n  Items: Items;\n}\n');
  });
});
