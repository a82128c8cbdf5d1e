import { mediaTypeOf, representations, type ApiModel, type Representation } from '@vbem/models';

/** One media range of an Accept header: `type/subtype` (either may be `*`) and its weight. */
interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

/**
 * The representation an `Accept` header asks for (RFC 9110 §12.5.1): each representation is weighed
 * by the most specific range that matches its media type (`application/json` over `application/*`
 * over the any-type range); the highest weight above 0 wins, a tie goes to the more specific match, then to XML,
 * the default. No header (or an empty one) is XML. Undefined when neither is acceptable (the
 * caller answers 406).
 * @example acceptedRepresentation(model, 'application/xml;q=0.5, application/json') // 'json'
 */
export function acceptedRepresentation(model: ApiModel, accept: string | null): Representation | undefined {
  if (accept === null || accept.trim() === '') return 'xml';
  const ranges = parseAccept(accept);
  let best: { representation: Representation; q: number; specificity: number } | undefined;
  for (const representation of representations) {
    const [type = '', subtype = ''] = mediaTypeOf(model, representation).toLowerCase().split('/');
    let match: { q: number; specificity: number } | undefined;
    for (const r of ranges) {
      const specificity = r.type === type && r.subtype === subtype ? 3 : r.type === type && r.subtype === '*' ? 2 : r.type === '*' && r.subtype === '*' ? 1 : 0;
      if (specificity > (match?.specificity ?? 0)) match = { q: r.q, specificity };
    }
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) best = { representation, ...match };
  }
  return best?.representation;
}

/** The media ranges of an Accept header; a malformed range or weight is left out (it matches nothing). */
function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const m = /^([a-z0-9!#$&^_.+-]+|\*)\/([a-z0-9!#$&^_.+-]+|\*)$/.exec(range);
    if (!m || (m[1] === '*' && m[2] !== '*')) continue;
    const weight = params.find((p) => /^q\s*=/.test(p))?.replace(/^q\s*=\s*/, '');
    if (weight !== undefined && !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(weight)) continue;
    ranges.push({ type: m[1]!, subtype: m[2]!, q: weight === undefined ? 1 : Number(weight) });
  }
  return ranges;
}
