import type { OperationSpec } from '@vbem/models';
import { indexOf } from '../model-index.js';
import type { MockEntity, MockState } from '../mock-state.js';
import { Head } from '../protocol-names.js';
import { relatedEntity } from '../related-entity.js';

/** A field the query service filters and sorts by. */
export interface QueryField {
  /** How values compare: text case-insensitively, dates as instants, numbers as numbers, enums by their ordinal (Failed > Success). */
  readonly kind: 'text' | 'date' | 'number' | 'enum';
  /** For an enum, its values in order. */
  readonly values?: readonly string[];
  readonly get: (entity: MockEntity) => string | number | Date | undefined;
}

export type QueryFields = Readonly<Record<string, QueryField>>;

/**
 * The fields of a query operation, from its `queryFields`: each reads a field of the entity, or
 * (`<EntityType>.<Field>`) of the entity of that type it refers to; the kind comes from the field's
 * scalar type or enum in the XML map.
 * @example queryFieldsOf(state, operation).CreationTime?.kind // 'date'
 */
export function queryFieldsOf(state: MockState, operation: OperationSpec): QueryFields {
  const index = indexOf(state.model);
  const out: Record<string, QueryField> = {};
  for (const [name, source] of Object.entries(operation.queryFields ?? {})) {
    const dot = source.indexOf('.');
    const type = dot < 0 ? operation.entity! : source.slice(0, dot);
    const fieldName = dot < 0 ? source : source.slice(dot + 1);
    const map = index.map(type);
    const spec = [...map.attributes, ...map.elements].find((f) => f.name === fieldName);
    const kind: QueryField['kind'] = spec?.enum ? 'enum' : spec?.scalar === 'dateTime' ? 'date' : spec?.scalar === 'int' || spec?.scalar === 'long' ? 'number' : 'text';
    const read = (entity: MockEntity | undefined) => {
      if (!entity) return undefined;
      if (fieldName === Head.UID) return index.uidOf(entity.type, entity.id);
      const value = entity.fields[fieldName];
      return typeof value === 'string' || typeof value === 'number' || value instanceof Date ? value : typeof value === 'boolean' ? String(value) : undefined;
    };
    const get =
      dot < 0
        ? read
        : (entity: MockEntity) => read(relatedEntity(state, entity, type));
    out[name] = { kind, ...(spec?.enum ? { values: spec.enum } : {}), get };
  }
  return out;
}

/** The field of a name, matched case-insensitively. */
export function queryFieldOf(fields: QueryFields, name: string): QueryField | undefined {
  const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : fields[key];
}
