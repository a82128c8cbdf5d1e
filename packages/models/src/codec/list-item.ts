import type { ApiModel } from '../spec-types.js';

/**
 * The item element of a list document type: a type whose only child element is one repeated field
 * (a collection's body). Undefined for any other type: a single entity or document.
 * @example listItemOf(builtinModel, 'EntityReferences') // 'Ref'
 */
export function listItemOf(model: ApiModel, type: string): string | undefined {
  const elements = model.xmlMaps[type]?.elements;
  return elements?.length === 1 && elements[0]!.repeated ? elements[0]!.name : undefined;
}
