import type { Check, CheckContext } from '../check-result.js';
import { askedRepresentation } from '../asked-representation.js';
import type { Exchange } from '../exchange.js';
import { understand } from '../understand.js';
import { valueDifferences } from './value-differences.js';
import { listOf, verdict } from './verdict.js';

const v = verdict('representations.agree');

const normal = (href: string) => (URL.canParse(href) ? new URL(href).href : href);
/** The same request: method, URL and negative case (not the representation asked). */
const requestKey = (e: Exchange) => `${e.request.method} ${normal(e.request.url)} ${e.probe ?? ''}`;

// The run's XML answers by request, built once per run and length.
const xmlBy = new WeakMap<readonly Exchange[], { readonly length: number; readonly byRequest: ReadonlyMap<string, readonly Exchange[]> }>();

function xmlAnswersTo(exchange: Exchange, context: CheckContext): readonly Exchange[] {
  let index = xmlBy.get(context.exchanges);
  if (index?.length !== context.exchanges.length) {
    const byRequest = new Map<string, Exchange[]>();
    for (const e of context.exchanges) if (askedRepresentation(e) === 'xml') byRequest.set(requestKey(e), [...(byRequest.get(requestKey(e)) ?? []), e]);
    xmlBy.set(context.exchanges, (index = { length: context.exchanges.length, byRequest }));
  }
  return index.byRequest.get(requestKey(exchange)) ?? [];
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
  run: (exchange, context) => {
    const json = understand(exchange);
    if (json.wire !== 'json' || json.value === undefined || !json.representation || !exchange.response) return [];
    const xml = xmlAnswersTo(exchange, context).filter((e) => e.response?.status === exchange.response!.status && understand(e).value !== undefined);
    if (xml.length === 0) return [];
    const root = `/${json.representation.root}`;
    const differences = xml.map((e) => valueDifferences(understand(e).value, json.value, root));
    if (differences.some((d) => d.length === 0)) return [v.passed(`the ${json.representation.body} in JSON carries the values of the XML`)];
    const xmlChanged = xml.length > 1 && valueDifferences(understand(xml[0]!).value, understand(xml.at(-1)!).value, root).length > 0;
    if (xmlChanged) return [v.skipped('not judged: the XML read before and after the JSON differ (the resource changed between the reads)')];
    return [v.failed(`the ${json.representation.body} in JSON differs from the XML: ${listOf(differences[0]!, 5)}`)];
  },
};
