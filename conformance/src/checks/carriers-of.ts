import type { Link } from '@vbem/models';

/** An entity or a reference in a body: something with a UID, an Href and maybe Links. */
export interface Carrier {
  /** Where it is, such as `/EntityReferences/Ref[2]`. */
  readonly path: string;
  readonly UID?: string;
  readonly Href?: string;
  readonly Name?: string;
  readonly Type?: string;
  readonly Links?: readonly Link[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

/**
 * The entities and references in a decoded body (objects that carry a UID), wherever they sit.
 * @example carriersOf(decode('EntityReferences', xml), 'EntityReferences').map((c) => c.path) // ['/EntityReferences/Ref[1]', …]
 */
export function carriersOf(value: unknown, root: string): Carrier[] {
  const out: Carrier[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i + 1}]`));
    if (!isObject(node)) return;
    if ('UID' in node) out.push({ ...(node as Omit<Carrier, 'path'>), path });
    for (const [key, child] of Object.entries(node)) if (key !== 'Links') walk(child, `${path}/${key}`);
  };
  walk(value, `/${root}`);
  return out;
}

/** How a carrier is named in messages: its path and Name. */
export const nameOf = (c: Carrier) => (c.Name === undefined ? c.path : `${c.path} (${c.Name})`);
