import { modelSchema } from '@vbem/models';

// The UID scheme (`urn:veeam:`) as the spec's Uid pattern states it: `^urn:veeam:[A-Za-z_0-9-]+:…$`.
const pattern = (modelSchema.definitions.Ref?.properties as Record<string, { pattern?: string }> | undefined)?.UID?.pattern;
if (pattern === undefined) throw new TypeError('The models schema has no UID pattern: rebuild @vbem/models');
const scheme = pattern.slice(1, pattern.indexOf('['));

/**
 * The UID of an entity of a Veeam type.
 * @example uidOf('CloudFailoverSession', '475420ee-d045-4493-9869-0a970e08f6f9') // 'urn:veeam:CloudFailoverSession:4754…'
 */
export function uidOf(type: string, id: string): string {
  return `${scheme}${type}:${id}`;
}
