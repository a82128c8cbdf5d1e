import type { ApiModel } from '@vbem/models';

/**
 * A decoded value with its keys in the spec's order (attributes, then elements, as the type's XML
 * map lists them), nested values too. The XML and JSON codecs give equal values, but each with its
 * keys in its body's order; vbem's own `--json` output must not depend on the representation read.
 * @example inSpecOrder(model, 'Link', { Rel: 'Up', Href: h }) // { Href: h, Rel: 'Up' } when the map lists Href first
 */
export function inSpecOrder(model: ApiModel, type: string, value: unknown): unknown {
  const map = Object.hasOwn(model.xmlMaps, type) ? model.xmlMaps[type] : undefined;
  if (map === undefined || value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => inSpecOrder(model, type, item));
  const source = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const a of map.text ? [...map.attributes, map.text] : map.attributes) if (Object.hasOwn(source, a.name)) ordered[a.name] = source[a.name];
  for (const e of map.elements) if (Object.hasOwn(source, e.name)) ordered[e.name] = e.type === undefined ? source[e.name] : inSpecOrder(model, e.type, source[e.name]);
  // Anything the map does not name (nothing, once decoded) keeps its place after them.
  for (const key of Object.keys(source)) if (!Object.hasOwn(ordered, key)) ordered[key] = source[key];
  return ordered;
}
