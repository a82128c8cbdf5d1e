import { successOf, type ApiModel, type OperationSpec, type ParamSpec } from '@vbem/models';

/**
 * The planner of the server target: the operation table in, the ordered probes out. Pure: it sends
 * nothing and reads nothing but the model (and the id source it is given).
 */

/** One planned request (or family of requests, when it depends on what an earlier one read). */
export type PlannedProbe =
  /** GET a collection in one format; in the default format its references are the sample's source. */
  | { readonly kind: 'collection'; readonly operation: string; readonly format: string }
  /** GET one page of a query operation in one format, with a small page size; follow its Next link once. */
  | { readonly kind: 'query'; readonly operation: string; readonly format: string; readonly pageSize?: string }
  /** GET up to K items of a collection (ids from its references) in every format of the item operation. */
  | { readonly kind: 'sample'; readonly operation: string; readonly collection: string; readonly formats: readonly string[] }
  /** GET the sub-collection of each sampled parent (of the parent item operation) in every format. */
  | { readonly kind: 'sub-collection'; readonly operation: string; readonly parent: string; readonly formats: readonly string[] }
  /** Follow the documented links (Up, Alternate) of what was read, on the server's origin only. */
  | { readonly kind: 'follow-links' }
  /** GET an item operation with ids no server issued: the documented 404 with an Error body. */
  | { readonly kind: 'unknown-id'; readonly operation: string; readonly params: Readonly<Record<string, string>>; readonly status: number }
  /** Send a state-changing operation (the built-in fake only), then poll the Task it returns and GET its Related link. */
  | { readonly kind: 'action'; readonly operation: string; readonly params: readonly string[]; readonly body?: string; readonly bodyType?: string };

/** An operation of the table no probe will send, and why. */
export interface PlannedSkip {
  readonly operation: string;
  readonly reason: string;
}

export interface ProbePlan {
  readonly probes: readonly PlannedProbe[];
  readonly skipped: readonly PlannedSkip[];
}

export interface PlanOptions {
  /** State-changing operations are planned (only for the built-in fake the run started itself). (default: false) */
  readonly allowWrites?: boolean;
  /** Makes the random ids of the unknown-id probes. (default: a random GUID, or a random string for a string parameter) */
  readonly randomId?: (param: ParamSpec) => string;
}

/** Why a state-changing operation is not sent to a live server. */
export const CHANGES_STATE = 'changes state: never sent to a live server (only to the built-in fake)';

const isGet = (op: OperationSpec) => op.method === 'GET';
const hasConst = (op: OperationSpec) => op.query.some((q) => q.const !== undefined);
const endsWithParam = (op: OperationSpec) => /\{[^}]+\}\/?$/.test(op.path);
const formatsOf = (op: OperationSpec) => successOf(op).formats.map((f) => f.format);

/** GETs with neither path parameters nor a fixed query value: the collections. */
export const isCollection = (op: OperationSpec): boolean => isGet(op) && op.params.length === 0 && !hasConst(op);
/** GETs with a fixed query value (`type=…`): the query service. */
export const isQuery = (op: OperationSpec): boolean => isGet(op) && hasConst(op);
/** GETs whose path ends with a parameter: one item. */
export const isItem = (op: OperationSpec): boolean => isGet(op) && op.params.length > 0 && endsWithParam(op);
/** GETs with path parameters, not ending with one: the items of a parent (`/backupSessions/{id}/taskSessions`). */
export const isSubCollection = (op: OperationSpec): boolean => isGet(op) && op.params.length > 0 && !endsWithParam(op) && !hasConst(op);

/** The protocol's operations the server target sends itself (entry point, logon, its logon session, logoff). */
export const protocolIds = (model: ApiModel): ReadonlySet<string> => {
  const { entryPoint, logon, logonSession, logoff } = model.api.protocol;
  return new Set([entryPoint, logon, logonSession, logoff]);
};

/** The item operation whose path is the sub-collection's parent path (`/backupSessions/{id}` of `/backupSessions/{id}/taskSessions`). */
export const parentOf = (model: ApiModel, sub: OperationSpec): OperationSpec | undefined =>
  Object.values(model.operations).find((op) => isItem(op) && sub.path.startsWith(`${op.path.replace(/\/$/, '')}/`));

const defaultRandomId = (param: ParamSpec): string =>
  param.type === 'guid' ? crypto.randomUUID() : `vbem-unknown-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;

/**
 * The probes the server target sends, in order, and the operations it leaves out with the reason.
 * The protocol's own operations (entry point, logon, logon session, logoff) are the target's frame
 * and appear in neither list; every other operation of the table is in one or both.
 * @example planProbes(builtinModel).probes.filter((p) => p.kind === 'collection')
 */
export function planProbes(model: ApiModel, options: PlanOptions = {}): ProbePlan {
  const randomId = options.randomId ?? defaultRandomId;
  const ops = Object.values(model.operations);
  const protocol = protocolIds(model);
  const probes: PlannedProbe[] = [];
  const skipped: PlannedSkip[] = [];

  for (const op of ops.filter((o) => isCollection(o) && !protocol.has(o.id))) {
    for (const format of formatsOf(op)) probes.push({ kind: 'collection', operation: op.id, format });
  }
  for (const op of ops.filter(isQuery)) {
    const pageSize = op.query.find((q) => q.type === 'int' && /^pagesize$/i.test(q.name))?.name;
    for (const format of formatsOf(op)) probes.push({ kind: 'query', operation: op.id, format, ...(pageSize ? { pageSize } : {}) });
  }
  const items = ops.filter((o) => isItem(o) && !protocol.has(o.id));
  for (const op of items) {
    const collection = ops.find((c) => isCollection(c) && c.entity !== undefined && c.entity === op.entity);
    if (collection) probes.push({ kind: 'sample', operation: op.id, collection: collection.id, formats: formatsOf(op) });
  }
  for (const op of ops.filter(isSubCollection)) {
    const parent = parentOf(model, op);
    if (parent) probes.push({ kind: 'sub-collection', operation: op.id, parent: parent.id, formats: formatsOf(op) });
    else skipped.push({ operation: op.id, reason: 'no item operation documents its parent: no id to ask it with' });
  }
  probes.push({ kind: 'follow-links' });
  for (const op of ops.filter(isItem)) {
    const notFound = op.responses.find((r) => r.status === 404 && r.error);
    if (!notFound) continue;
    probes.push({ kind: 'unknown-id', operation: op.id, params: Object.fromEntries(op.params.map((p) => [p.name, randomId(p)])), status: notFound.status });
  }
  for (const op of ops.filter((o) => !isGet(o) && !protocol.has(o.id))) {
    if (!options.allowWrites) {
      skipped.push({ operation: op.id, reason: CHANGES_STATE });
      continue;
    }
    const example = model.examples.find((e) => e.request === true && e.operation === op.id);
    if (op.requestBody && !op.requestBody.optional && !example) {
      skipped.push({ operation: op.id, reason: `its request body (${op.requestBody.type}) has no documented example to send` });
      continue;
    }
    probes.push({
      kind: 'action',
      operation: op.id,
      params: op.params.map((p) => p.name),
      ...(example ? { body: example.xml, bodyType: example.type } : {}),
    });
  }
  return { probes, skipped };
}
