import { operationsAtPath, operationUrl, type ApiModel } from '@vbem/models';
import { indexOf } from '../model-index.js';

/** A body the mock served, by URL. */
export interface Crawled {
  readonly status: number;
  readonly xml: string;
  /** The URL whose body linked here. */
  readonly from: string;
}

const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/**
 * GETs everything reachable on a mock from the entry point, the logon session, every list and query
 * operation (each format), following every `Href` of every body served, up to `limit` URLs; a link
 * to a path no GET operation serves (the entry point's documented logon links) goes to `skipped`.
 * @example const pages = await crawl(model, mock.url, session.get, logonBody)
 */
export async function crawl(model: ApiModel, origin: string, get: (url: string) => Promise<Response>, seeds: readonly string[], skipped: Map<string, string> = new Map(), limit = 5000): Promise<Map<string, Crawled>> {
  const index = indexOf(model);
  const start = new Set<string>(seeds);
  for (const op of Object.values(model.operations)) {
    const kind = index.kind(op);
    if (op.method !== 'GET' || (kind !== 'list' && kind !== 'query' && op.id !== model.api.protocol.entryPoint)) continue;
    for (const r of op.responses.filter((r) => !r.error)) for (const f of r.formats) start.add(operationUrl(origin, op, {}, f.format === 'default' ? {} : { [model.api.formatParam]: f.format }, model).href);
  }
  const seen = new Map<string, Crawled>();
  let queue = [...start].map((url) => ({ url, from: '(start)' }));
  while (queue.length > 0 && seen.size < limit) {
    const batch = queue.filter((q) => !seen.has(q.url)).slice(0, 32);
    queue = queue.slice(32);
    const results = await Promise.all(batch.map(async ({ url, from }) => ({ url, from, response: await get(url) })));
    for (const { url, from, response } of results) {
      if (seen.has(url)) continue;
      const xml = await response.text();
      seen.set(url, { status: response.status, xml, from });
      for (const m of xml.matchAll(/ Href="([^"]+)"/g)) {
        const next = unescape(m[1]!);
        if (seen.has(next) || new URL(next).origin !== origin) continue;
        if (operationsAtPath(new URL(next), model).some((op) => op.method === 'GET')) queue.push({ url: next, from: url });
        else skipped.set(next, url);
      }
    }
  }
  return seen;
}
