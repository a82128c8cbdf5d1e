import { UID_SCHEME } from './protocol-names.js';

/**
 * The UID of an entity of a Veeam type: `urn:veeam:<Type>:<id>`.
 * @example uidOf('Thing', '475420ee-d045-4493-9869-0a970e08f6f9') // 'urn:veeam:Thing:4754…'
 */
export function uidOf(type: string, id: string): string {
  return `${UID_SCHEME}${type}:${id}`;
}
