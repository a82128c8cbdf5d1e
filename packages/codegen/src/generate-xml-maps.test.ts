import { describe, expect, it } from 'vitest';
import { generateXmlMaps } from './generate-xml-maps.js';
import { specFrom } from '../test/spec-from.js';

const mapsOf = (yaml: string) => {
  const text = generateXmlMaps(specFrom(yaml));
  return JSON.parse(text.slice(text.indexOf('= {') + 2, text.lastIndexOf('} as const') + 1));
};

describe('generateXmlMaps', () => {
  it('puts inherited fields first, as XSD extension orders them, and expands enums', () => {
    const maps = mapsOf(`types:
  State: { enum: [Working, Stopped] }
  Base:
    attributes: { Href: { type: url } }
    elements: { Links: { list: Base, optional: true } }
  Session:
    root: Session
    extends: Base
    attributes: { Name: { type: string } }
    elements:
      State: { type: State }
      Tasks: { list: { item: Tasks, type: Base } }
`);
    expect(maps.Session).toEqual({
      root: 'Session',
      attributes: [
        { name: 'Href', scalar: 'url', optional: false },
        { name: 'Name', scalar: 'string', optional: false },
      ],
      elements: [
        { name: 'Links', type: 'Base', item: 'Base', repeated: false, optional: true },
        { name: 'State', scalar: 'string', enum: ['Working', 'Stopped'], repeated: false, optional: false },
        { name: 'Tasks', type: 'Base', item: 'Tasks', repeated: false, optional: false },
      ],
    });
  });

  it('keeps the documented forms of an element and of a list item, with where each is documented', () => {
    const maps = mapsOf(`types:
  Vm: { elements: { Name: { type: string } } }
  Plan:
    root: Plan
    elements:
      Size: { type: int, forms: { Bytes: the XSD } }
      Vms: { list: { item: PlanVm, type: Vm, forms: { FailoveredVm: RestAPI.xsd } } }
`);
    expect(maps.Plan.elements).toEqual([
      { name: 'Size', scalar: 'int', repeated: false, optional: false, forms: { Bytes: 'the XSD' } },
      { name: 'Vms', type: 'Vm', item: 'PlanVm', repeated: false, optional: false, itemForms: { FailoveredVm: 'RestAPI.xsd' } },
    ]);
  });

  it("maps a type's text beside its attributes as the scalar field Value, enums expanded, inherited by a type that extends it", () => {
    const maps = mapsOf(`types:
  DayName: { enum: [Sunday, Monday] }
  Day:
    attributes: { Name: { type: DayName } }
    text: { type: boolean, optional: true }
  NamedDay:
    extends: Day
    attributes: { Note: { type: string, optional: true } }
`);
    expect(maps.Day).toEqual({
      attributes: [{ name: 'Name', scalar: 'string', enum: ['Sunday', 'Monday'], optional: false }],
      elements: [],
      text: { name: 'Value', scalar: 'boolean', optional: true },
    });
    expect(maps.NamedDay.text).toEqual(maps.Day.text);
  });

  it('keeps the entity type a field refers to', () => {
    const maps = mapsOf(`types:
  Job: { root: Job, attributes: { Name: { type: string } } }
  Session:
    root: Session
    elements:
      JobUid: { type: uid, refers: Job }
      Size: { type: long }
`);
    expect(maps.Session.elements).toEqual([
      { name: 'JobUid', scalar: 'uid', repeated: false, optional: false, refers: 'Job' },
      { name: 'Size', scalar: 'long', repeated: false, optional: false },
    ]);
  });

  it('marks a choice, its alternatives each optional, and refuses one that is not two or more plain elements', () => {
    const maps = mapsOf(`types:
  Finish:
    choice: true
    elements:
      Paint: { type: string }
      Polish: { type: int }
`);
    expect(maps.Finish).toEqual({
      choice: true,
      attributes: [],
      elements: [
        { name: 'Paint', scalar: 'string', repeated: false, optional: true },
        { name: 'Polish', scalar: 'int', repeated: false, optional: true },
      ],
    });
    expect(() => specFrom(`types:
  Finish:
    choice: true
    attributes: { Id: { type: string } }
    elements:
      Paint: { type: string }
`)).toThrow(/types\.Finish\.choice: a choice is of two or more elements, none repeated, with no attributes and no base: Finish has 1 element\(s\), attributes/);
  });
});
