import type { Corruption } from './fault.js';

/** A date-time that matches the lexical form but is no date (month 13, hour 25). */
export const BAD_DATE = '2015-13-45T25:61:00Z';
const NO_SUCH_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A copy of a model value broken in the model-level ways asked (UIDs, Alternate links, dates);
 * the other corruptions are the XML's business.
 * @example corruptValue(ref, new Set(['missing-uid'])) // the ref without its UID
 */
export function corruptValue(value: unknown, corruptions: ReadonlySet<Corruption>): unknown {
  if (value instanceof Date) return corruptions.has('bad-date') ? BAD_DATE : value;
  if (Array.isArray(value)) {
    const items = corruptions.has('missing-alternate-link') ? value.filter((v) => !isAlternate(v)) : value;
    return items.map((v: unknown) => corruptValue(v, corruptions));
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'UID' && corruptions.has('missing-uid')) continue;
    if (key === 'UID' && typeof v === 'string' && corruptions.has('malformed-uid')) out[key] = v.slice(v.lastIndexOf(':') + 1);
    else if (key === 'Href' && typeof v === 'string' && isAlternate(value) && corruptions.has('broken-alternate-link')) out[key] = v.replace(GUID, NO_SUCH_ID);
    else out[key] = corruptValue(v, corruptions);
  }
  return out;
}

const isAlternate = (v: unknown) => typeof v === 'object' && v !== null && (v as { Rel?: unknown }).Rel === 'Alternate';
