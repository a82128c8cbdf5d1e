import { successOf, type LinkRel } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Check, CheckContext } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { bodyDropped, detached, keptFacts, packedBody, withBodyAgain } from '../kept-facts.js';
import { isLinkTarget } from '../spec-facts.js';
import { askedRepresentation } from '../asked-representation.js';
import { understand } from '../understand.js';
import { carriersOf, nameOf } from './carriers-of.js';
import { listOf, verdict } from './verdict.js';

const normal = (href: string) => (URL.canParse(href) ? new URL(href).href : href);

// A link in a JSON body is followed to the JSON answer of its target, one in XML to the XML answer.
const keyOf = (from: Pick<Exchange, 'request'>, href: string) => `${askedRepresentation(from)} ${normal(href)}`;

/** A 32-bit hash of a key (FNV-1a): equal keys, equal hashes. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * What following links needs of an exchange: as a target, what its body is; as a source, the hashes
 * of the keys its links are looked up by and its body, compressed. A list of thousands of items
 * links to thousands of things the run never fetches: only a body one of whose links the run did
 * fetch is read again, to judge them.
 */
interface FollowFacts {
  readonly success?: number;
  readonly body?: string;
  readonly decoded: boolean;
  readonly uid?: string;
  readonly type?: string;
  /** Absent when the body carries no link to follow (no documented representation, not decoded, a probe's answer). */
  readonly links?: Int32Array;
  readonly packed?: Buffer;
}

/** The links a decoded body carries, by carrier, to what the model can fetch. */
function linksIn(exchange: Exchange) {
  const { representation, value } = understand(exchange);
  if (!representation || value === undefined || exchange.probe !== undefined) return undefined;
  const model = modelOf(exchange);
  return carriersOf(value, representation.root).flatMap((c) => (c.Links ?? []).filter((l) => isLinkTarget(l.Type, model)).map((link) => ({ c, link })));
}

const follow = keptFacts((exchange): FollowFacts => {
  const { operation, representation, value } = understand(exchange);
  const got = value as { UID?: string; Type?: string } | undefined;
  const links = linksIn(exchange);
  return {
    ...(operation ? { success: successOf(operation).status } : {}),
    ...(representation ? { body: representation.body } : {}),
    decoded: value !== undefined,
    uid: detached(got?.UID),
    type: detached(got?.Type),
    ...(links && links.length > 0 ? { links: Int32Array.from(links, ({ link }) => hashOf(keyOf(exchange, link.Href))), packed: packedBody(exchange) } : {}),
  };
});

// The run's plain GETs by URL, built once per run and length (each check looks up every link of every body).
const fetchedBy = new WeakMap<readonly Exchange[], { readonly length: number; readonly byUrl: ReadonlyMap<string, Exchange>; readonly hashes: ReadonlySet<number> }>();

function fetchedIn(context: CheckContext) {
  let index = fetchedBy.get(context.exchanges);
  if (index?.length !== context.exchanges.length) {
    const byUrl = new Map<string, Exchange>();
    for (const e of context.exchanges) if (e.probe === undefined && e.request.method === 'GET' && !byUrl.has(keyOf(e, e.request.url))) byUrl.set(keyOf(e, e.request.url), e);
    fetchedBy.set(context.exchanges, (index = { length: context.exchanges.length, byUrl, hashes: new Set([...byUrl.keys()].map(hashOf)) }));
  }
  return index;
}

/** The plain GET of the run, in the representation of `from`, that fetched `href`, if the target followed it (the first, when it was fetched again). */
const followed = (from: Exchange, href: string, context: CheckContext): Exchange | undefined => fetchedIn(context).byUrl.get(keyOf(from, href));

// The body read again for the last source of each run: links.up and links.alternate judge the same exchange one after the other.
const againIn = new WeakMap<readonly Exchange[], { readonly kept: Exchange; readonly whole: Exchange }>();

/** The source whole: itself, or, kept without its body, its body read again when one of its links may have been followed. */
function sourceOf(exchange: Exchange, context: CheckContext): Exchange | undefined {
  if (!bodyDropped(exchange)) return exchange;
  const { links, packed } = follow.of(exchange);
  if (!links || !packed) return undefined;
  const { hashes } = fetchedIn(context);
  if (!links.some((h) => hashes.has(h))) return undefined;
  let again = againIn.get(context.exchanges);
  if (again?.kept !== exchange) againIn.set(context.exchanges, (again = { kept: exchange, whole: withBodyAgain(exchange, packed) }));
  return again.whole;
}

/**
 * A check that follows the `rel` links of each entity and reference to the exchange that fetched
 * them: the target answers with the documented success and the representation the link's Type
 * names, and, with `sameUid`, the entity there has the carrier's UID. Reads the targets' kept facts.
 */
export function followLinks(id: string, rel: LinkRel, title: string, sameUid: boolean): Check {
  const v = verdict(id);
  return {
    id,
    scope: 'run',
    title,
    keep: follow.keep,
    run: (exchange, context) => {
      const source = sourceOf(exchange, context);
      const links = source && linksIn(source);
      if (!links) return [];
      const problems: string[] = [];
      let count = 0;
      for (const { c, link } of links.filter(({ link }) => link.Rel === rel)) {
        const target = followed(exchange, link.Href, context);
        if (!target?.response || normal(target.request.url) === normal(exchange.request.url)) continue;
        count++;
        const there = follow.of(target);
        const expectedBody = modelOf(exchange).linkTargets[link.Type!]!.body;
        const success = there.success;
        if (target.response.status !== success) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected ${success ?? 'a documented operation'}, got ${target.response.status}`);
        else if (there.body !== expectedBody) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected the ${expectedBody} representation, got ${there.body ?? 'no documented body'}`);
        // A target body that does not decode is the body checks' finding on that exchange, not the link's.
        else if (!there.decoded) count--;
        else if (sameUid && there.uid !== c.UID) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected UID ${c.UID}, got ${there.uid ?? 'none'}`);
        else if (!sameUid && there.type !== undefined && there.type !== link.Type) problems.push(`${nameOf(c)}: ${rel} ${link.Href}: expected Type ${link.Type}, got ${there.type}`);
      }
      if (count === 0) return [];
      return problems.length === 0 ? [v.passed(`${count} ${rel} link(s) followed`)] : [v.failed(listOf(problems))];
    },
  };
}
