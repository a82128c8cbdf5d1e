import { api, builtinModel, operations, successOf, type ApiModel, type OperationSpec } from '@vbem/models';

/** The facts of the spec the checks and the server target lean on, derived from the operation table. */


const byId = operations as Readonly<Record<string, OperationSpec>>;

/** The protocol's logon and logoff operations (`api.protocol`: no operation id is named here). */
export const logonOperation: OperationSpec = byId[api.protocol.logon]!;
export const logoffOperation: OperationSpec = byId[api.protocol.logoff]!;

/** The response a refused credential gets: the logon error response that documents a challenge header. */
const refused = logonOperation.responses.find((r) => r.error && r.headers.length > 0)!;

/** The status of a refused credential or session (401 in the spec). */
export const refusedStatus = refused.status;

/** The challenge header a refused logon carries (WWW-Authenticate in the spec). */
export const challengeHeader = refused.headers[0]!;

/** The status of a successful logon (201 in the spec). */
export const logonStatus = successOf(logonOperation).status;

/** The header a logon answer names the new logon session's URL in (Location in the spec). */
export const locationHeader: string | undefined = successOf(logonOperation).headers.find((h) => h.format === 'url')?.name;

/** The status of a successful logoff (204 in the spec). */
export const logoffStatus = successOf(logoffOperation).status;

const rels = new WeakMap<ApiModel, ReadonlySet<string>>();
/** The link relations a model documents on entities and references (Up, Alternate). */
export function documentedRels(model: ApiModel = builtinModel): ReadonlySet<string> {
  let found = rels.get(model);
  if (!found) {
    found = new Set(Object.values(model.operations).flatMap((op) => op.responses.flatMap((r) => r.formats.flatMap((f) => (f.links ?? []).map((l) => l.rel)))));
    rels.set(model, found);
  }
  return found;
}

/** Whether a link's Type names something the model can fetch. */
export const isLinkTarget = (type: string | undefined, model: ApiModel = builtinModel): type is string => type !== undefined && type in model.linkTargets;

/** A Task's State while it runs (the first of the documented TaskState values): the run polls it until it is something else, as the client's `tasks.wait` does. */
export const TASK_RUNNING = 'Running';
