import { successOf, type LinkRel } from '@vbem/models';
import { modelOf } from '../exchange-model.js';
import type { Check, CheckContext } from '../check-result.js';
import type { Exchange } from '../exchange.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { detached, keptFacts } from '../kept-facts.js';
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

/** A link of an entity or reference in a body to something the model can fetch, as the check names it. */
interface LinkFact {
  readonly rel: string;
  readonly href: string;
  readonly type: string;
  /** The carrier's name in messages (`nameOf`) and UID. */
  readonly from: string;
  readonly uid?: string;
}

/**
 * What following links needs of an exchange: as a target, what its body is; as a source, its links,
 * one line each, compressed, and the hashes of the keys they are looked up by. A list of thousands
 * of items links to thousands of things the run never fetches: only the lines of links the run may
 * have followed (their key's hash among the fetched ones) are read again.
 */
interface FollowFacts {
  /** The operation that answered, and its documented success status. */
  readonly operation?: string;
  readonly success?: number;
  readonly body?: string;
  readonly decoded: boolean;
  readonly uid?: string;
  readonly type?: string;
  /** Absent when the body carries no link to follow (no documented representation, not decoded, a probe's answer). */
  readonly links?: { readonly hashes: Int32Array; readonly lines: Buffer };
}

/** The links a decoded body carries, in order, to what the model can fetch. */
function linksIn(exchange: Exchange): LinkFact[] | undefined {
  const { representation, value } = understand(exchange);
  if (!representation || value === undefined || exchange.probe !== undefined) return undefined;
  const model = modelOf(exchange);
  return carriersOf(value, representation.root).flatMap((c) =>
    (c.Links ?? []).filter((l) => isLinkTarget(l.Type, model)).map((l) => ({ rel: l.Rel, href: l.Href, type: l.Type!, from: nameOf(c), ...(c.UID === undefined ? {} : { uid: c.UID }) })),
  );
}

const follow = keptFacts((exchange): FollowFacts => {
  const { operation, representation, value } = understand(exchange);
  const got = value as { UID?: string; Type?: string } | undefined;
  const links = linksIn(exchange);
  return {
    ...(operation ? { operation: operation.id, success: successOf(operation).status } : {}),
    ...(representation ? { body: representation.body } : {}),
    decoded: value !== undefined,
    uid: detached(got?.UID),
    type: detached(got?.Type),
    ...(links && links.length > 0
      ? { links: { hashes: Int32Array.from(links, (l) => hashOf(keyOf(exchange, l.href))), lines: deflateRawSync(links.map((l) => JSON.stringify(l)).join('\n'), { level: 1 }) } }
      : {}),
  };
});

/** The links of an exchange the run may have followed: those whose key's hash is among the fetched ones (a hash shared by chance only costs a look-up). */
function linksMaybeFollowed(exchange: Exchange, context: CheckContext): LinkFact[] | undefined {
  const { links } = follow.of(exchange);
  if (!links) return undefined;
  const { hashes } = fetchedIn(context);
  const wanted = [...links.hashes.keys()].filter((i) => hashes.has(links.hashes[i]!));
  if (wanted.length === 0) return [];
  const lines = inflateRawSync(links.lines).toString('utf8').split('\n');
  return wanted.map((i) => JSON.parse(lines[i]!) as LinkFact);
}

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
      const links = linksMaybeFollowed(exchange, context);
      if (!links) return [];
      const problems: string[] = [];
      let count = 0;
      for (const link of links.filter((l) => l.rel === rel)) {
        const target = followed(exchange, link.href, context);
        if (!target?.response || normal(target.request.url) === normal(exchange.request.url)) continue;
        count++;
        const there = follow.of(target);
        // A Type served at several paths is judged by the operation its href reached.
        const targets = modelOf(exchange).linkTargets[link.type]!;
        const expectedBody = (targets.find((t) => t.operation === there.operation) ?? targets[0]!).body;
        const success = there.success;
        if (target.response.status !== success) problems.push(`${link.from}: ${rel} ${link.href}: expected ${success ?? 'a documented operation'}, got ${target.response.status}`);
        else if (there.body !== expectedBody) problems.push(`${link.from}: ${rel} ${link.href}: expected the ${expectedBody} representation, got ${there.body ?? 'no documented body'}`);
        // A target body that does not decode is the body checks' finding on that exchange, not the link's.
        else if (!there.decoded) count--;
        else if (sameUid && there.uid !== link.uid) problems.push(`${link.from}: ${rel} ${link.href}: expected UID ${link.uid}, got ${there.uid ?? 'none'}`);
        else if (!sameUid && there.type !== undefined && there.type !== link.type) problems.push(`${link.from}: ${rel} ${link.href}: expected Type ${link.type}, got ${there.type}`);
      }
      if (count === 0) return [];
      return problems.length === 0 ? [v.passed(`${count} ${rel} link(s) followed`)] : [v.failed(listOf(problems))];
    },
  };
}
