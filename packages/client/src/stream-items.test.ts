import { builtinModel as model, decodeIn, encodeIn, examples, listItemOf, successOf, TruncatedXmlError, type OperationSpec } from '@vbem/models';
import { HttpError } from './errors.js';
import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse, fakeEm, PASSWORD, USERNAME, xml } from '../test/fake-em.js';
import { serve, type Served } from '../test/serve.js';
import { createClient } from './create-client.js';
import { methodPlans } from './method-names.js';

// A read method of the model whose representation is a list with a documented example: found by
// iterating the operation table, so no resource is named here.
const found = Object.values(model.operations)
  .filter((op) => op.method === 'GET')
  .flatMap((op) => methodPlans(op).map((plan) => ({ op, plan, body: successOf(op).formats.find((f) => f.format === plan.format)?.body })))
  .find(({ plan, body }) => plan.kind === 'read' && body !== undefined && listItemOf(model, body) !== undefined && examples.some((e) => e.type === body && /<\w+[^>]*>\s*<\w/.test(e.xml)))!;
const { op, plan } = found;
const body = found.body!;
const itemName = listItemOf(model, body)!;
const documented = (decodeIn(model, body, examples.find((e) => e.type === body && /<\w+[^>]*>\s*<\w/.test(e.xml))!.xml) as Record<string, unknown[]>)[itemName]!;
const list = encodeIn(model, body, { [itemName]: [...documented, ...documented, ...documented] });
const firstEnd = list.indexOf('>', list.indexOf(`</${itemName}>`)) + 1;

let served: Served | undefined;
afterEach(async () => served?.close());

/** A client over real HTTP to a fake whose answer to the list is `answer`. */
async function clientFor(answer: () => Response, isList: (o: OperationSpec) => boolean = (o) => o.id === op.id) {
  const em = fakeEm((r, next) => (isList(model.operations[r.operation ?? ''] ?? ({} as OperationSpec)) ? answer() : next()));
  served = await serve(em.fetch);
  const client = createClient({ baseUrl: served.url, username: USERNAME, password: PASSWORD });
  const method = (client as unknown as Record<string, Record<string, { items(): AsyncGenerator<unknown> }>>)[op.resource]![plan.name]!;
  return { em, method };
}

describe(`items() of a read method whose body is a list`, () => {
  it('yields the first item while the server still holds back the rest, then every item, equal to the whole-body read', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const bytes = new TextEncoder().encode(list);
    const cut = new TextEncoder().encode(list.slice(0, firstEnd)).byteLength;
    const { em, method } = await clientFor(() => {
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(bytes.subarray(0, cut));
          await held;
          controller.enqueue(bytes.subarray(cut));
          controller.close();
        },
      });
      return new Response(stream, { status: 200, headers: xml(200, '').headers });
    });
    const items = method.items();
    const first = await items.next();
    expect(first.value).toEqual(documented[0]);
    release();
    const rest: unknown[] = [];
    for await (const item of items) rest.push(item);
    expect([first.value, ...rest]).toEqual((decodeIn(model, body, list) as Record<string, unknown[]>)[itemName]);
    expect(em.seen.filter((s) => s.operation === op.id)).toHaveLength(1);
  }, 30_000);

  it('throws TruncatedXmlError after the items before the cut, for a body cut short', async () => {
    const { method } = await clientFor(() => xml(200, list.slice(0, firstEnd + 5)));
    const got: unknown[] = [];
    await expect((async () => {
      for await (const item of method.items()) got.push(item);
    })()).rejects.toBeInstanceOf(TruncatedXmlError);
    expect(got).toEqual([documented[0]]);
  }, 30_000);

  it('throws the HttpError of an error status, as the method itself does', async () => {
    const { method } = await clientFor(() => errorResponse(404, 'gone'));
    await expect(method.items().next()).rejects.toBeInstanceOf(HttpError);
  }, 30_000);
});
