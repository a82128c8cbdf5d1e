import type { ElementField, ScalarField, XmlTypeMap } from './spec-types.js';

/**
 * Every field of a type's XML map, as a value holds them: its attributes, its text (`Value`, for a
 * type with text beside its attributes), then its elements in document order.
 * @example mapFields(xmlMaps.Link).map((f) => f.name) // ['Href', 'Name', 'Type', 'Rel']
 */
export const mapFields = (map: XmlTypeMap): readonly (ScalarField | ElementField)[] => (map.text ? [...map.attributes, map.text, ...map.elements] : [...map.attributes, ...map.elements]);
