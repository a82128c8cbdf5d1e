import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SpecProblem } from './spec-error.js';

export type SpecPath = readonly (string | number)[];

/** A parsed spec file that can say on which line a value stands. */
export interface SpecFile {
  /** The path shown in messages, relative to the spec's parent folder (`spec/resources/x.yaml`). */
  readonly name: string;
  readonly data: Record<string, unknown>;
  problem(path: SpecPath, message: string): SpecProblem;
}

/** The node at `path`, comparing keys as text (YAML reads `200:` as a number). */
function nodeAt(root: unknown, path: SpecPath): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key));
      node = pair?.value as Node | undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as Node | undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

export function parseSpecFile(name: string, text: string): SpecFile | SpecProblem {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineOf = (offset: number) => lines.linePos(offset).line;
  const first = doc.errors[0];
  if (first) return { file: name, line: lineOf(first.pos[0]), path: '(file)', message: first.message.split('\n')[0]! };
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  return {
    name,
    data,
    problem(path, message) {
      // The deepest node that exists gives the line: a missing key is reported where its parent stands.
      let line = 1;
      for (let depth = path.length; depth >= 0; depth--) {
        const range = nodeAt(doc.contents, path.slice(0, depth))?.range;
        if (range) {
          line = lineOf(range[0]);
          break;
        }
      }
      return { file: name, line, path: path.join('.') || '(root)', message };
    },
  };
}
