import type { OperationDef } from './spec-model.js';

/** Where an operation is in the client: `client[group][method]`, one method per representation of a GET. */
export interface ClientNames {
  readonly group: string;
  /** The method of each format (`{ default: 'get', Entity: 'getEntity' }`); a paged GET and any other method have one, under `default`. */
  readonly methods: Readonly<Record<string, string>>;
}

/** The query parameter whose fixed value names an action (`?action=start`). */
const ACTION = 'action';
/** The query parameter the paged query service takes. */
const PAGE = 'page';
const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', DELETE: 'delete' };

/** `vms_overview` → `vmsOverview`, `failoverSessions` stays: each `_`- or `-`-separated part capitalised but the first. */
const camelWord = (segment: string) => segment.split(/[_-]/).filter(Boolean).map((part, i) => (i === 0 ? part : capitalize(part))).join('');
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const uncapitalize = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);
const camelJoin = (segments: readonly string[]) => uncapitalize(segments.map((s) => capitalize(camelWord(s))).join(''));
const plural = (word: string) => (word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`);

/**
 * The client names of an operation, by the rule of packages/client/README.md ("Method names"), from its
 * path, method and fixed query values alone:
 * - the group is the path's names before its first parameter, camelCased together (`/cloud/failoverSessions/{id}`
 *   → `cloudFailoverSessions`; `/` → the base path's last name, `api`);
 * - the verb is the value of a fixed `action` (`?action=start` → `start`); the value of another fixed query
 *   parameter, first letter lowered (`/query?type=BackupJobSession` → `backupJobSession`); else for a GET,
 *   `list` when the path ends in a name and the operation answers a list (a body whose only child element
 *   repeats: EntityReferences, Tasks), `get` otherwise (`/jobs/{id}`, a document such as `/reports/summary`);
 *   `create`, `update`, `delete` for POST, PUT, DELETE;
 * - the names after the first parameter follow the verb, camelCased (`/backupSessions/{id}/taskSessions` → `listTaskSessions`);
 * - a GET's other representations add their format, in the plural after `list` (`getEntity`, `listEntities`);
 *   a paged GET (the query service) and any other method have one method.
 * @param answersList the operation's default body is a list document.
 * @example clientNamesOf(getJob, '/api', false) // { group: 'jobs', methods: { default: 'get', Entity: 'getEntity' } }
 */
export function clientNamesOf(op: Pick<OperationDef, 'method' | 'path' | 'query' | 'responses'>, basePath: string, answersList: boolean): ClientNames {
  const segments = op.path.split('/').filter(Boolean);
  const first = segments.findIndex((s) => s.startsWith('{'));
  const head = first === -1 ? segments : segments.slice(0, first);
  const tail = first === -1 ? [] : segments.slice(first + 1).filter((s) => !s.startsWith('{'));
  const group = head.length > 0 ? camelJoin(head) : camelJoin(basePath.split('/').filter(Boolean).slice(-1));
  const fixed = op.query.filter((q) => q.const !== undefined);
  const action = fixed.find((q) => q.name === ACTION)?.const;
  const other = fixed.find((q) => q.name !== ACTION)?.const;
  const endsInParam = segments.at(-1)?.startsWith('{') === true;
  const verb =
    action !== undefined ? camelWord(action) : other !== undefined ? uncapitalize(camelWord(other)) : op.method === 'GET' ? (!endsInParam && answersList ? 'list' : 'get') : VERBS[op.method]!;
  const base = tail.length > 0 ? `${verb}${capitalize(camelJoin(tail))}` : verb;
  const formats = op.responses.find((r) => !r.error)?.formats ?? [];
  const single = op.method !== 'GET' || op.query.some((q) => q.name === PAGE) || formats.length === 0;
  if (single) return { group, methods: { default: base } };
  return { group, methods: Object.fromEntries(formats.map((f) => [f.format, f.format === 'default' ? base : `${base}${verb === 'list' ? plural(f.format) : f.format}`])) };
}
