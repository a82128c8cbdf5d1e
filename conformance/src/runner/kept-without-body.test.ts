import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { builtinModel } from '@vbem/models';
import { expect, it } from 'vitest';
import { serverChecks } from '../checks/server-checks.js';
import type { Exchange } from '../exchange.js';
import { Redactor } from '../redactor.js';
import { runServerTarget } from '../targets/server-target.js';
import { startObservedMock, TEST_PASSWORD, TEST_USER, type ObservedMock } from '../test-support/observed-mock.js';
import { taskShapeOf } from '../task-facts.js';
import { understand } from '../understand.js';
import { judgeTarget } from './judge-target.js';

// The collector, asked for by the test itself (no flag on the test process): the property is what stays reachable, not how fast.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Every exchange of a server-target run against the fake, recorded whole, in order. */
async function recordRun(mock: ObservedMock): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  await runServerTarget({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, allowWrites: true }, (e) => void exchanges.push(e));
  return exchanges;
}

/** The verdicts of judging `exchanges`, as the report shows them, with the bodies kept to the end or dropped once judged. */
async function verdictsOf(exchanges: readonly Exchange[], mock: ObservedMock, keepExchanges: boolean) {
  const judged = await judgeTarget(async (onExchange) => exchanges.forEach(onExchange), { target: 'server', checks: serverChecks, origin: new URL(mock.url).origin, redactor: new Redactor(), keepExchanges });
  return judged.results;
}

it('gives the same verdicts, failures and their messages included, when the run keeps no body once it is judged', async () => {
  const mock = await startObservedMock(6);
  try {
    const clean = await recordRun(mock);
    // The UIDs of every XML entity changed: their JSON no longer agrees, and the references' Alternate links lead to another UID.
    mock.transform = { body: (body, requested) => (/format=Entity/i.test(requested.search) ? body.replaceAll('UID="urn:veeam:', 'UID="urn:veeam:x') : body) };
    const broken = await recordRun(mock);
    for (const exchanges of [clean, broken]) expect(await verdictsOf(exchanges, mock, false)).toEqual(await verdictsOf(exchanges, mock, true));
    const failed = new Set((await verdictsOf(broken, mock, false)).filter((r) => r.status === 'failed').map((r) => r.check));
    for (const id of ['representations.agree', 'links.alternate', 'uid.form']) expect(failed).toContain(id);
  } finally {
    await mock.close();
  }
}, 120_000);

it('keeps no exchange whole once it is judged, nor the values its body decoded to', async () => {
  const mock = await startObservedMock(6);
  try {
    const wholes: WeakRef<Exchange>[] = [];
    const values: { readonly request: string; readonly value: WeakRef<object> }[] = [];
    let last = '';
    const judged = await judgeTarget(
      (onExchange) =>
        runServerTarget({ baseUrl: mock.url, username: TEST_USER, password: TEST_PASSWORD, sample: 2, allowWrites: true }, (e) => {
          onExchange(e);
          last = `${e.request.method} ${e.request.url}`;
          if (!e.response?.body) return;
          wholes.push(new WeakRef(e));
          const { value, representation } = understand(e);
          // A Task's body is a fact action.task keeps (a few fields, never a list).
          if (typeof value === 'object' && value !== null && representation?.body !== taskShapeOf(builtinModel)?.body) values.push({ request: last, value: new WeakRef(value) });
        }),
      { target: 'server', checks: serverChecks, origin: new URL(mock.url).origin, redactor: new Redactor() },
    );
    expect(judged.results.filter((r) => r.status === 'failed')).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(wholes.length).toBeGreaterThan(100);
    expect(wholes.filter((w) => w.deref() !== undefined).length).toBe(0);
    // representations.agree holds the values of the request read last (waiting for its other representation) and no other.
    expect(values.filter((v) => v.request !== last && v.value.deref() !== undefined).map((v) => v.request)).toEqual([]);
  } finally {
    await mock.close();
  }
}, 120_000);
