import { builtinModel } from '@vbem/models';
import type { Fault, MockStateOptions } from '@vbem/mock';
import type { RunReport } from '../runner/run-report.js';
import { runConformance } from '../runner/run-conformance.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER } from './observed-mock.js';

export interface EveryBodyRun {
  /** Whatever else each operation's fault adds (a corruption). (default: none) */
  readonly fault?: Fault;
  /** The rest of the fake's state: another model, microsecond timestamps. (default: the built-in fake) */
  readonly state?: Omit<MockStateOptions, 'entities' | 'users'>;
  /** Entities per collection. (default: 4) */
  readonly entities?: number;
  /** Items read per collection. (default: 1) */
  readonly sample?: number;
}

/** Runs the server target, in XML (the rewrites are of XML), against a loopback fake whose every successful body goes through `rewrite`. */
export async function runWithEveryBody(rewrite: (xml: string) => string, run: EveryBodyRun = {}): Promise<RunReport> {
  const model = run.state?.model ?? builtinModel;
  const mock = await startObservedMock(run.entities ?? 4, undefined, run.state);
  try {
    for (const id of Object.keys(model.operations)) mock.faults[id] = { ...run.fault, mutate: (xml, c) => (c.status < 300 ? rewrite(xml) : xml) };
    return await runConformance({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: run.sample ?? 1, targets: ['server'], representations: ['xml'], model });
  } finally {
    await mock.close();
  }
}

// The enum-typed elements of the model, with their documented values: where a server may add a value.
const enumElements = new Map(
  Object.values(builtinModel.xmlMaps)
    .flatMap((m) => m.elements)
    .filter((e) => e.enum !== undefined && e.item === undefined)
    .map((e) => [e.name, e.enum!] as const),
);
const enumPattern = new RegExp(`<(${[...enumElements.keys()].join('|')})>([^<]*)</\\1>`);

/** Each kind of addition a later server makes to a body, as a rewrite of it, and the text the body.shape warning names it by. */
export const additions: [addition: string, rewrite: (xml: string) => string, named: RegExp][] = [
  ['an element', (xml) => xml.replace(/(<\/[\w:]+>\s*)$/, '<AddedByALaterVersion>1</AddedByALaterVersion>$1'), /an undocumented element <AddedByALaterVersion>/],
  ['an attribute', (xml) => xml.replace(/^(<\?[^>]*>\s*)?(<[\w:]+)/, '$1$2 AddedAttribute="x"'), /@AddedAttribute: an undocumented attribute AddedAttribute="x"/],
  ['an enum value', (xml) => xml.replace(enumPattern, '<$1>$2AddedLater</$1>'), /: the undocumented value '\w+AddedLater'/],
  ['a link Rel', (xml) => xml.replace('<Links>', `<Links><Link Rel="Rescan" Href="${/Href="([^"]+)"/.exec(xml)?.[1] ?? ''}"/>`), /Link\[1\]\/@Rel: the undocumented value 'Rescan'/],
];
