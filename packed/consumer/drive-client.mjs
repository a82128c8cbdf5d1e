// A user's program, run with plain node in the scratch project against the packed fake: the packed
// client logs on, lists every collection of the model, gets one item of each, starts every action
// the model documents a body for (or needs none) and waits for its task, then logs off; the server
// must then refuse the session. Every resource comes from the packed model at run time. Prints a
// JSON summary; exits 1 on a failed step. Usage: VBEM_PASSWORD=… node drive-client.mjs <baseUrl> <username>
import assert from 'node:assert/strict';
import { AuthenticationError, createClient, linkOf, methodPlans } from '@vbem/client';
import { api, decode, examples, matchOperation, operations } from '@vbem/models';

const [baseUrl, username] = process.argv.slice(2);
const password = process.env.VBEM_PASSWORD;
/** The session token the client sends, noted on the way out: to show afterwards that logoff ended the session on the server. */
let token;
const fetch = (url, init) => {
  token = new Headers(init.headers).get(api.sessionHeader) ?? token;
  return globalThis.fetch(url, init);
};
const client = createClient({ baseUrl, username, password, fetch });
const all = Object.values(operations);
/** The method an operation becomes (its default representation), called with the path parameters' values. */
const callOn = (on, operation, params, ...rest) => {
  const args = operation.params.length === 1 ? [params[operation.params[0].name]] : operation.params.length ? [params] : [];
  return on[operation.resource][methodPlans(operation)[0].name](...args, ...rest);
};
const call = (operation, params, ...rest) => callOn(client, operation, params, ...rest);
/** The references or entities a list body holds: every item with an Href in its lists. */
const itemsOf = (body) => Object.values(body).filter(Array.isArray).flat().filter((x) => typeof x?.Href === 'string');

const summary = { lists: [], gets: [], actions: [] };
const session = await client.logon();
assert.ok(session.SessionId, 'logon gives a session');

const lists = all.filter((o) => o.method === 'GET' && o.entity && o.params.length === 0 && !o.query.some((q) => q.const) && !o.query.some((q) => q.name === 'page'));
const firstOf = new Map();
for (const list of lists) {
  const refs = itemsOf(await call(list, {}));
  summary.lists.push({ operation: list.id, items: refs.length });
  if (refs.length === 0) continue;
  firstOf.set(list.entity, refs[0]);
  const match = matchOperation('GET', new URL(refs[0].Href));
  assert.ok(match, `${refs[0].Href} is an operation's`);
  const item = await call(match.operation, match.params);
  assert.equal(item.UID, refs[0].UID, `${match.operation.id} gets the entity the list named`);
  summary.gets.push({ operation: match.operation.id, uid: item.UID });
}

for (const action of all.filter((o) => o.method === 'POST' && o.task && o.entity)) {
  const documented = examples.find((e) => e.operation === action.id && e.request);
  if (action.requestBody && !action.requestBody.optional && !documented) continue;
  const target = firstOf.get(action.entity);
  assert.ok(target, `a ${action.entity} to ${action.id}`);
  const { params } = matchOperation('GET', new URL(target.Href));
  const body = documented ? [decode(documented.type, documented.xml)] : [];
  const task = await call(action, params, ...body);
  const done = await client.tasks.wait(task, { intervalMs: 20, timeoutMs: 60_000 });
  assert.notEqual(done.State, 'Running');
  assert.equal(done.Result?.Success, true, `${action.id}'s task succeeds`);
  const related = linkOf(done, 'Related');
  if (action.task.creates) {
    assert.ok(related && action.task.creates.includes(related.Type), `${action.id}'s task links what it created`);
    assert.ok((await client.follow(related)).UID, `the ${related.Type} it created can be read`);
  }
  summary.actions.push({ operation: action.id, state: done.State, related: related?.Type ?? null });
}

/** Whether the server still takes the client's session: a read of its logon session by another client holding only the token. */
const sessionAnswers = () => {
  const operation = operations[api.protocol.logonSession];
  const other = createClient({ baseUrl, sessionId: token });
  return callOn(other, operation, { [operation.params[0].name]: session.SessionId }).then(
    () => 'answered',
    (error) => (error instanceof AuthenticationError ? 'refused' : error.name),
  );
};
summary.beforeLogoff = await sessionAnswers();
await client.logoff();
summary.afterLogoff = await sessionAnswers();
console.log(JSON.stringify(summary));
