import { successOf, type LinkRel } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Check, CheckContext } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { isLinkTarget } from '../spec-facts.js';
import { askedRepresentation } from '../asked-representation.js';
import { understand } from '../understand.js';
import { carriersOf, nameOf } from './carriers-of.js';
import { listOf, verdict } from './verdict.js';

const normal = (href: string) => (URL.canParse(href) ? new URL(href).href : href);

// The run's plain GETs by URL, built once per run and length (each check looks up every link of every body).
const fetchedBy = new WeakMap<readonly Exchange[], { readonly length: number; readonly byUrl: ReadonlyMap<string, Exchange> }>();

// A link in a JSON body is followed to the JSON answer of its target, one in XML to the XML answer.
const keyOf = (from: Pick<Exchange, 'request'>, href: string) => `${askedRepresentation(from)} ${normal(href)}`;

/** The plain GET of the run, in the representation of `from`, that fetched `href`, if the target followed it (the first, when it was fetched again). */
function followed(from: Exchange, href: string, context: CheckContext): Exchange | undefined {
  let index = fetchedBy.get(context.exchanges);
  if (index?.length !== context.exchanges.length) {
    const byUrl = new Map<string, Exchange>();
    for (const e of context.exchanges) if (e.probe === undefined && e.request.method === 'GET' && !byUrl.has(keyOf(e, e.request.url))) byUrl.set(keyOf(e, e.request.url), e);
    fetchedBy.set(context.exchanges, (index = { length: context.exchanges.length, byUrl }));
  }
  return index.byUrl.get(keyOf(from, href));
}

/**
 * A check that follows the `rel` links of each entity and reference to the exchange that fetched
 * them: the target answers with the documented success and the representation the link's Type
 * names, and, with `sameUid`, the entity there has the carrier's UID.
 */
export function followLinks(id: string, rel: LinkRel, title: string, sameUid: boolean): Check {
  const v = verdict(id);
  return {
    id,
    scope: 'run',
    title,
    run: (exchange, context) => {
      const { representation, value } = understand(exchange);
      if (!representation || value === undefined || exchange.probe !== undefined) return [];
      const problems: string[] = [];
      let count = 0;
      for (const c of carriersOf(value, representation.root)) {
        for (const link of (c.Links ?? []).filter((l) => l.Rel === rel && isLinkTarget(l.Type, modelOf(exchange)))) {
          const target = followed(exchange, link.Href, context);
          if (!target?.response || normal(target.request.url) === normal(exchange.request.url)) continue;
          count++;
          const there = understand(target);
          // A Type served at several paths is judged by the operation its href reached.
          const targets = modelOf(exchange).linkTargets[link.Type!]!;
          const expectedBody = (targets.find((t) => t.operation === there.operation?.id) ?? targets[0]!).body;
          const success = there.operation ? successOf(there.operation).status : undefined;
          const got = there.value as { UID?: string; Type?: string } | undefined;
          if (target.response.status !== success) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected ${success ?? 'a documented operation'}, got ${target.response.status}`);
          else if (there.representation?.body !== expectedBody) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected the ${expectedBody} representation, got ${there.representation?.body ?? 'no documented body'}`);
          // A target body that does not decode is the body checks' finding on that exchange, not the link's.
          else if (got === undefined) count--;
          else if (sameUid && got.UID !== c.UID) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected UID ${c.UID}, got ${got.UID ?? 'none'}`);
          else if (!sameUid && got.Type !== undefined && got.Type !== link.Type) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected Type ${link.Type}, got ${got.Type}`);
        }
      }
      if (count === 0) return [];
      return problems.length === 0 ? [v.passed(`${count} ${rel} link(s) followed`)] : [v.failed(listOf(problems))];
    },
  };
}
