import { matchOperation, type ApiModel } from '@vbem/models';
import type { PlannedSkip } from './plan-probes.js';

/**
 * The resolver of hrefs the run may GET with its session: a documented GET on the base URL's
 * origin, or on one declared the same server (rewritten to the base URL's). A link to another
 * origin is noted skipped once per operation.
 * @example const resolve = hrefResolver(model, base, sameOrigins, skipped); resolve(link.Href)
 */
export function hrefResolver(model: ApiModel, base: URL, sameOrigins: ReadonlySet<string>, skipped: PlannedSkip[]): (href: string) => URL | undefined {
  return (href) => {
    if (!URL.canParse(href)) return undefined;
    const url = new URL(href);
    const matched = matchOperation('GET', url, model)?.operation.id;
    // A link is only ever followed with a GET, and only to a documented operation: anything else is not sent.
    if (matched === undefined) return undefined;
    if (url.origin === base.origin) return url;
    if (sameOrigins.has(url.origin)) return new URL(url.pathname + url.search, base.origin);
    if (!skipped.some((s) => s.operation === matched && s.reason.startsWith('link on another origin'))) {
      skipped.push({ operation: matched, reason: `link on another origin (${url.origin}): not followed; the session stays with ${base.origin} (use sameOrigins / --same-origin if it is the same server)` });
    }
    return undefined;
  };
}
