import { builtinModel, decodeIn, decodeJsonIn, formatOf, matchOperation, type ApiModel } from '@vbem/models';
import type { EntityBody } from './entities-in-bodies.js';
import { lastParam } from './last-param.js';
import { indexOf } from './model-index.js';

/** A recorded GET body the fake can load: decoded by the spec, with the operation that answered it. */
export interface RecordedBody extends Omit<EntityBody, 'operation'> {
  readonly operation: string;
  readonly url: string;
}

/** What a recording (an HTTP Archive) gives the fake: the bodies it can load, and those it cannot, with why. */
export interface Recording {
  /** The model the bodies were decoded with: the fake built from them must serve it. */
  readonly model: ApiModel;
  readonly bodies: readonly RecordedBody[];
  /** Entries of entity operations answered with success whose body was not loaded: it did not decode (never served half), or was not there. */
  readonly skipped: readonly { readonly url: string; readonly reason: string }[];
}

/** A recording that is not an HTTP Archive: no `log.entries` list. */
export class RecordingError extends Error {
  override name = 'RecordingError';
  constructor(readonly expected: string, readonly actual: string) {
    super(`expected ${expected}, got ${actual}`);
  }
}

interface HarEntry {
  readonly request?: { readonly method?: unknown; readonly url?: unknown };
  readonly response?: { readonly status?: unknown; readonly content?: { readonly text?: unknown; readonly encoding?: unknown; readonly mimeType?: unknown } };
}

/**
 * Reads an HTTP Archive (such as `vbem conformance --har`'s) for the fake: every GET of an entity
 * operation (a collection, an item, a query) answered with its success status, its body decoded
 * by the spec in the representation its `mimeType` names (XML, or JSON in either casing), from the
 * origin of the first such entry. A body that does not decode (or comes from
 * another origin) is listed in `skipped` with the reason, not loaded.
 * @throws {RecordingError} when the text is not JSON with a `log.entries` list.
 * @example const recording = readRecording(readFileSync('run.har', 'utf8')); createMockState({ recording })
 */
export function readRecording(text: string, model: ApiModel = builtinModel): Recording {
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(text) as typeof har;
  } catch (error) {
    throw new RecordingError('an HTTP Archive (JSON)', `text that is not JSON (${(error as Error).message})`);
  }
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new RecordingError('an HTTP Archive with a log.entries list', har?.log === undefined ? 'no log' : 'no entries list');
  const index = indexOf(model);
  const bodies: RecordedBody[] = [];
  const skipped: { url: string; reason: string }[] = [];
  // One server's data: a run that also recorded another (a client target's in-process fake) is not mixed in.
  let origin: string | undefined;
  for (const entry of entries as HarEntry[]) {
    const { request, response } = entry ?? {};
    if (request?.method !== 'GET' || typeof request.url !== 'string' || !URL.canParse(request.url)) continue;
    const url = new URL(request.url);
    const match = matchOperation('GET', url, model);
    const operation = match?.operation;
    const success = operation?.responses.find((r) => !r.error && r.status === response?.status);
    if (!match || !operation?.entity || !success || !['list', 'item', 'sub-collection', 'query'].includes(index.kind(operation))) continue;
    origin ??= url.origin;
    if (url.origin !== origin) {
      skipped.push({ url: request.url, reason: `another server than the recording's first (${origin}): one server's data is loaded` });
      continue;
    }
    const content = response?.content;
    if (typeof content?.text !== 'string') {
      skipped.push({ url: request.url, reason: 'the recording holds no body text' });
      continue;
    }
    const body = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
    const representation = formatOf(url, success.formats, model) ?? success.formats[0];
    try {
      const json = typeof content.mimeType === 'string' && /^application\/json\b/i.test(content.mimeType);
      const value = json ? decodeJsonIn(model, representation!.body, body) : decodeIn(model, representation!.body, body);
      const param = index.kind(operation) === 'item' ? lastParam(operation.path) : undefined;
      const rootId = param === undefined ? undefined : match.params[param]?.toLowerCase();
      bodies.push({ operation: operation.id, url: request.url, value, ...(rootId !== undefined ? { rootId } : {}) });
    } catch (error) {
      skipped.push({ url: request.url, reason: `${(error as Error).name}: ${(error as Error).message}` });
    }
  }
  return { model, bodies, skipped };
}
