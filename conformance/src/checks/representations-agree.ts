import type { Check, CheckContext } from '../check-result.js';
import { askedRepresentation } from '../asked-representation.js';
import type { Exchange } from '../exchange.js';
import { keptFacts } from '../kept-facts.js';
import { understand } from '../understand.js';
import { valueDifferences, valueDigest } from './value-differences.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('representations.agree');

const normal = (href: string) => (URL.canParse(href) ? new URL(href).href : href);
/** The same request: method, URL and negative case (not the representation asked). */
const requestKey = (e: Exchange) => `${e.request.method} ${normal(e.request.url)} ${e.probe ?? ''}`;

/**
 * What the check reads of an answer: the digest of its decoded value (the same digest: no
 * difference), and the value itself while it may still be compared with the answer in the other
 * representation; what differs in the JSON answers an XML answer was compared with.
 */
interface AgreeFacts {
  readonly wire: 'xml' | 'json';
  readonly root?: string;
  readonly body?: string;
  readonly digest?: string;
  held?: unknown;
  /** Of an XML answer: what differs in each JSON answer compared with it, by the JSON's digest (the same digest, the same differences). */
  readonly differences: Map<string, readonly string[]>;
}

const answers = keptFacts(
  (exchange): AgreeFacts => {
    const { wire, representation, value } = understand(exchange);
    const decoded = value !== undefined && representation !== undefined;
    return { wire, differences: new Map(), ...(decoded ? { root: `/${representation.root}`, body: representation.body, digest: valueDigest(value), held: value } : {}) };
  },
  // The kept facts start with the value held; `keep` lets it go once compared (or once the run has moved on).
  (facts) => ({ ...facts, differences: new Map() }),
);

// The run's answers by request, indexed as the run grows (kept exchanges are appended, never removed).
const byRequest = new WeakMap<readonly Exchange[], { length: number; readonly answers: Map<string, Exchange[]> }>();

function answersTo(exchange: Exchange, context: CheckContext): readonly Exchange[] {
  let index = byRequest.get(context.exchanges);
  if (!index || index.length > context.exchanges.length) byRequest.set(context.exchanges, (index = { length: 0, answers: new Map() }));
  for (const e of context.exchanges.slice(index.length)) index.answers.set(requestKey(e), [...(index.answers.get(requestKey(e)) ?? []), e]);
  index.length = context.exchanges.length;
  return index.answers.get(requestKey(exchange)) ?? [];
}

// The answers of each run whose values are held, waiting for the answer in the other representation.
const heldOf = new WeakMap<readonly Exchange[], Exchange[]>();

/**
 * Keeps an answer's facts; its value is held only while the run reads the same request (the target
 * asks each read in both representations one right after the other): then the JSON answer is
 * compared with the XML answers held, and what differs is kept with it.
 */
function keep(whole: Exchange, kept: Exchange, context: CheckContext): void {
  answers.keep(whole, kept);
  const same = (e: Exchange) => requestKey(e) === requestKey(kept) && e.response?.status === kept.response?.status;
  const before = heldOf.get(context.exchanges) ?? [];
  for (const e of before.filter((e) => !same(e))) answers.of(e).held = undefined;
  const held = before.filter(same);
  heldOf.set(context.exchanges, held);
  const mine = answers.of(kept);
  if (mine.held === undefined) return;
  for (const other of held.filter((e) => answers.of(e).wire !== mine.wire)) {
    const [xml, json] = mine.wire === 'json' ? [other, kept] : [kept, other];
    answers.of(xml).differences.set(answers.of(json).digest!, valueDifferences(answers.of(xml).held, answers.of(json).held, answers.of(json).root!));
  }
  held.push(kept);
}

/** The differences of a JSON answer from an XML answer: compared while both were held (or another JSON answer of the same digest was), or now from their values. */
function differencesOf(xml: Exchange, json: Exchange): readonly string[] | undefined {
  const [x, j] = [answers.of(xml), answers.of(json)];
  return x.differences.get(j.digest!) ?? (x.held !== undefined && j.held !== undefined ? valueDifferences(x.held, j.held, j.root!) : undefined);
}

/**
 * The JSON answer to a request carries the same values as the XML answer to the same request: both
 * decoded into the spec's typed values and compared, differences named by path. Where the XML was
 * read again (the target does when the two disagree) and the two XML reads differ, the resource
 * changed between the reads: not judged. Judged on the JSON exchange, where both decoded with the same status.
 */
export const representationsAgree: Check = {
  id: 'representations.agree',
  scope: 'run',
  title: 'the JSON and the XML of the same resource carry the same values',
  keep,
  run: (exchange, context) => {
    const json = answers.of(exchange);
    if (json.wire !== 'json' || json.digest === undefined || !exchange.response) return [];
    const xml = answersTo(exchange, context).filter((e) => askedRepresentation(e) === 'xml' && e.response?.status === exchange.response!.status && answers.of(e).digest !== undefined);
    if (xml.length === 0) return [];
    if (xml.some((e) => answers.of(e).digest === json.digest)) return [v.passed(`the ${json.body} in JSON carries the values of the XML`)];
    const xmlChanged = xml.length > 1 && answers.of(xml[0]!).digest !== answers.of(xml.at(-1)!).digest;
    if (xmlChanged) return [v.skipped('not judged: the XML read before and after the JSON differ (the resource changed between the reads)')];
    const differences = differencesOf(xml[0]!, exchange);
    return [v.failed(`the ${json.body} in JSON differs from the XML: ${differences ? listOf([...differences], 5) : 'the two were not read one right after the other, so their values were not kept to say where'}`)];
  },
};
