import { operations, successOf, xmlMaps, type XmlTypeMap } from '@vbem/models';
import type { MockBackupServer, MockFailoverSession } from '../mock-state.js';
import { uidOf } from '../uid-of.js';

/** A session as the query service sees it: with its backup server. */
export interface QueryRow {
  readonly session: MockFailoverSession;
  readonly server?: MockBackupServer;
}

/** A field the query service filters and sorts by. */
export interface QueryField {
  /** How values compare: text case-insensitively, dates as instants, enums by their ordinal (Failed > Success). */
  readonly kind: 'text' | 'date' | 'enum';
  /** For an enum, its values in order. */
  readonly values?: readonly string[];
  readonly get: (row: QueryRow) => string | Date | undefined;
}

const sessionMap: XmlTypeMap = xmlMaps.CloudFailoverSession;
const enumOf = (element: string) => sessionMap.elements.find((e) => e.name === element)?.enum ?? [];
const entityType = (operation: keyof typeof operations) => successOf(operations[operation]).formats.find((f) => f.format === 'Entity')?.linkType ?? '';

/**
 * The fields of `GET /query?type=CloudFailoverSession` (get_query_cloudfailoversession.html), by name.
 * The spec names them only in the filter parameter's summary (a test keeps the two in step).
 */
export const queryFields: Readonly<Record<string, QueryField>> = {
  UID: { kind: 'text', get: (r) => uidOf(entityType('getCloudFailoverSession'), r.session.id) },
  Name: { kind: 'text', get: (r) => r.session.Name },
  Type: { kind: 'text', get: (r) => r.session.JobType },
  CreationTime: { kind: 'date', get: (r) => r.session.CreationTimeUTC },
  EndTime: { kind: 'date', get: (r) => r.session.EndTimeUTC },
  State: { kind: 'enum', values: enumOf('State'), get: (r) => r.session.State },
  Result: { kind: 'enum', values: enumOf('Result'), get: (r) => r.session.Result },
  FailureMessage: { kind: 'text', get: (r) => r.session.FailureMessage },
  BackupServerUid: { kind: 'text', get: (r) => uidOf(entityType('getBackupServer'), r.session.backupServerId) },
  BackupServerName: { kind: 'text', get: (r) => r.server?.Name },
};

/** The field of a name, matched case-insensitively. */
export function queryFieldOf(name: string): QueryField | undefined {
  const key = Object.keys(queryFields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : queryFields[key];
}
