import { decode, encode, examples, operations, representations, type QueryResult } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { BASE_URL, fakeEm, PASSWORD, USERNAME, xml } from '../test/fake-em.js';
import { createClient } from './create-client.js';
import { UnexpectedResponseError } from './errors.js';
import { FORMAT_PARAM, PAGE_PARAM } from './spec-conventions.js';

const documented = examples.find((e) => e.operation === operations.queryCloudFailoverSessions.id)!;
const first = decode('QueryResult', documented.xml);

/** The documented page, renumbered as page `n` of `count`. */
const page = (n: number, count: number): string => encode('QueryResult', { ...first, PagingInfo: { ...first.PagingInfo, PageNum: n, PagesCount: count } } satisfies QueryResult);

/** A fake serving `count` pages, or the page `answer` gives for the page asked. */
function paged(count: number, answer: (asked: number) => number = (asked) => asked) {
  return fakeEm((r, next) => {
    if (r.operation !== operations.queryCloudFailoverSessions.id) return next();
    const asked = Number(r.url.searchParams.get(PAGE_PARAM) ?? 1);
    return xml(200, page(answer(asked), count));
  });
}

/** Array.fromAsync, which Node 20 lacks. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}


describe.each(representations)('a client for %s', (representation) => {
  describe('a paged query', () => {
    const client = (fetch: ReturnType<typeof fakeEm>['fetch']) => createClient({ baseUrl: BASE_URL, username: USERNAME, password: PASSWORD, representation, fetch });
    it('iterates every page in order, asking for the next until PageNum reaches PagesCount', async () => {
      const em = paged(3);
      const seen: number[] = [];
      for await (const result of client(em.fetch).query.cloudFailoverSession({ format: 'Entities' })) seen.push(result.PagingInfo.PageNum);
      expect(seen).toEqual([1, 2, 3]);
      const asked = em.seen.filter((s) => s.operation === operations.queryCloudFailoverSessions.id).map((s) => s.url.searchParams.get(PAGE_PARAM));
      expect(asked).toEqual([null, '2', '3']);
    });

    it('fetches a page only when the loop asks for it', async () => {
      const em = paged(3);
      for await (const _ of client(em.fetch).query.cloudFailoverSession()) break;
      expect(em.seen.filter((s) => s.operation === operations.queryCloudFailoverSessions.id)).toHaveLength(1);
    });

    it('sends the filter, sorting, page size and format asked for, and the type the spec fixes', async () => {
      const em = paged(1);
      const pages = client(em.fetch).query.cloudFailoverSession({ filter: 'Result==failed', sortDesc: 'CreationTime', pageSize: 100, format: 'Entities' });
      const [result] = await collect(pages);
      expect(result!.Entities?.CloudFailoverSessions?.[0]?.Result).toBe('Failed');
      const query = Object.fromEntries(em.seen.at(-1)!.url.searchParams);
      expect(query).toEqual({ ...documented.query, pageSize: '100', [FORMAT_PARAM]: 'Entities' });
    });

    it('starts at the page asked for', async () => {
      const em = paged(3);
      const numbers = (await collect(client(em.fetch).query.cloudFailoverSession({ page: 2 }))).map((r) => r.PagingInfo.PageNum);
      expect(numbers).toEqual([2, 3]);
    });

    it('stops with UnexpectedResponseError, not a loop, when the server answers another page than asked', async () => {
      const em = paged(3, () => 1);
      const error = await collect(client(em.fetch).query.cloudFailoverSession()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect((error as Error).message).toMatch(/expected page 2, got PageNum 1 of 3/);
    });

    it('yields every entity of every page from items(), whatever the name of the Entities list', async () => {
      const em = paged(3);
      const entities = Object.values(first.Entities ?? {}).flat();
      expect(entities.length).toBeGreaterThan(0);
      const items = await collect(client(em.fetch).query.cloudFailoverSession({ format: 'Entities' }).items());
      expect(items).toEqual([...entities, ...entities, ...entities]);
      expect(em.seen.filter((s) => s.operation === operations.queryCloudFailoverSessions.id)).toHaveLength(3);
    });

    it('yields every Ref of every page from items() for the references format', async () => {
      const refs = decode('EntityReferences', examples.find((e) => e.type === 'EntityReferences' && e.operation !== undefined)!.xml).Ref;
      const em = fakeEm((r, next) => {
        if (r.operation !== operations.queryCloudFailoverSessions.id) return next();
        const n = Number(r.url.searchParams.get(PAGE_PARAM) ?? 1);
        return xml(200, encode('QueryResult', { Refs: refs.slice(n - 1, n), PagingInfo: { ...first.PagingInfo, PageNum: n, PagesCount: 2 } }));
      });
      const items = await collect(client(em.fetch).query.cloudFailoverSession({ format: 'Refs' }).items());
      expect(items).toEqual(refs.slice(0, 2));
    });

    it('fetches no further page than items() is asked for', async () => {
      const em = paged(3);
      for await (const _ of client(em.fetch).query.cloudFailoverSession({ format: 'Entities' }).items()) break;
      expect(em.seen.filter((s) => s.operation === operations.queryCloudFailoverSessions.id)).toHaveLength(1);
    });
  });
});
