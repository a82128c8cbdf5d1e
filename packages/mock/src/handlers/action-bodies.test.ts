import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelWith, specFixturesDir } from '@vbem/codegen';
import { builtinModel, decodeIn, encodeIn, operationUrl, type ApiModel, type OperationSpec, type ScalarField } from '@vbem/models';
import { indexOf } from '../model-index.js';
import { serveMock, type MockServer } from '../serve-mock.js';
import { idParam, mockSession } from '../test-support/mock-session.js';
import { requestBodyOf } from '../test-support/request-body.js';

// An action's request body is decoded strictly: what the spec does not document (an element, an enum
// value) is refused with 400 and an Error body before anything happens, so no task starts and no
// entity is created. The spec's request bodies have no enum field today, so each model is also served
// with one added to every request body type: wherever an enum appears, an undocumented value is refused.
const ADDED_ENUM: ScalarField = { name: 'AddedChoice', scalar: 'string', enum: ['First', 'Second'], optional: true };
const UNDOCUMENTED_ELEMENT = 'UndocumentedElement';
const UNDOCUMENTED_VALUE = 'NotAValueTheSpecLists';

/** The model with `ADDED_ENUM` as the last (optional) element of every action's request body type. */
function withEnumInRequestBodies(model: ApiModel): ApiModel {
  const types = new Set(Object.values(model.operations).flatMap((op) => (op.requestBody ? [op.requestBody.type] : [])));
  const xmlMaps = { ...model.xmlMaps };
  for (const type of types) xmlMaps[type] = { ...xmlMaps[type]!, elements: [...xmlMaps[type]!.elements, { ...ADDED_ENUM, repeated: false }] };
  return { ...model, xmlMaps };
}

const models: [string, () => ApiModel][] = [
  ['the spec', () => builtinModel],
  ['the spec with an enum in every request body', () => withEnumInRequestBodies(builtinModel)],
  ['the spec with widgets and an enum in every request body', () => withEnumInRequestBodies(loadModelWith(join(specFixturesDir, 'widgets')))],
];

describe.each(models)('the actions of %s', (_name, modelOf) => {
  const model = modelOf();
  const actions = Object.values(model.operations).filter((op) => indexOf(model).kind(op) === 'action' && op.requestBody);
  let mock: MockServer;
  let session: Awaited<ReturnType<typeof mockSession>>;
  beforeAll(async () => {
    mock = await serveMock({ model, tasks: { runMs: 0 } });
    session = await mockSession(model, mock.url);
  });
  afterAll(async () => {
    await mock?.close();
  });

  const at = (op: OperationSpec) => operationUrl(mock.url, op, { [idParam(op.path)]: [...mock.state.collections.get(op.entity!)!.keys()][0]! }, {}, model);
  const validBody = (op: OperationSpec) => requestBodyOf(model, op);
  /** Scalar fields of the request body type that take an enum. */
  const enumFieldsOf = (op: OperationSpec) => {
    const map = indexOf(model).map(op.requestBody!.type);
    return [...map.attributes.map((f) => ({ ...f, attribute: true })), ...map.elements.filter((e) => e.scalar !== undefined).map((f) => ({ ...f, attribute: false }))].filter((f) => (f.enum?.length ?? 0) > 0);
  };
  /** A body holding `value` in the enum field (written by the codec with a documented value, then that value replaced). */
  const bodyWithEnum = (op: OperationSpec, field: ReturnType<typeof enumFieldsOf>[number], value: string) => {
    const documented = decodeIn(model, op.requestBody!.type, validBody(op)) as Record<string, unknown>;
    const xml = encodeIn(model, op.requestBody!.type, { ...documented, [field.name]: field.enum![0] });
    const written = field.attribute ? `${field.name}="${field.enum![0]}"` : `<${field.name}>${field.enum![0]}</${field.name}>`;
    expect(xml).toContain(written);
    return xml.replace(written, field.attribute ? `${field.name}="${value}"` : `<${field.name}>${value}</${field.name}>`);
  };
  /** The tasks and the size of every collection: what starting an action changes. */
  const footprint = () => ({ tasks: [...mock.state.tasks.keys()], sizes: [...mock.state.collections].map(([type, c]) => [type, c.size]) });

  // A started task finishes, and creates its entity, on the next request: one request settles earlier tasks, one after shows what this one did.
  const anyRequest = () => session.get(operationUrl(mock.url, model.operations[model.api.protocol.entryPoint]!, {}, {}, model));

  async function expectRefused(op: OperationSpec, body: string, names: string) {
    await anyRequest();
    const before = footprint();
    const response = await session.post(at(op), body);
    expect(response.status, body).toBe(400);
    const error = decodeIn(model, model.api.errorBody, await response.text()) as { StatusCode: number; Message?: string };
    expect(error.StatusCode).toBe(400);
    expect(error.Message ?? '').toContain(names);
    await anyRequest();
    expect(footprint()).toEqual(before);
  }

  it('has actions with a request body, and an enum field in them where the model was given one', () => {
    expect(actions.length).toBeGreaterThan(0);
    if (model !== builtinModel) for (const op of actions) expect(enumFieldsOf(op).map((f) => f.name)).toContain(ADDED_ENUM.name);
  });

  it.each(actions.map((op) => [op.id, op] as const))('%s starts a task for a documented body (the refusals below are of the body alone)', async (_id, op) => {
    const before = mock.state.tasks.size;
    expect((await session.post(at(op), validBody(op))).status).toBe(202);
    for (const field of enumFieldsOf(op)) expect((await session.post(at(op), bodyWithEnum(op, field, field.enum!.at(-1)!))).status, field.name).toBe(202);
    expect(mock.state.tasks.size).toBe(before + 1 + enumFieldsOf(op).length);
  });

  it.each(actions.map((op) => [op.id, op] as const))('%s answers 400 with an Error body naming an undocumented element, and starts no task', async (_id, op) => {
    const body = validBody(op);
    const close = body.lastIndexOf('</');
    const withElement = close >= 0 ? `${body.slice(0, close)}<${UNDOCUMENTED_ELEMENT}>1</${UNDOCUMENTED_ELEMENT}>${body.slice(close)}` : body.replace(/\/>\s*$/, `><${UNDOCUMENTED_ELEMENT}>1</${UNDOCUMENTED_ELEMENT}></${model.xmlMaps[op.requestBody!.type]!.root}>`);
    expect(withElement).toContain(UNDOCUMENTED_ELEMENT);
    await expectRefused(op, withElement, UNDOCUMENTED_ELEMENT);
  });

  it.each(actions.filter((op) => enumFieldsOf(op).length > 0).map((op) => [op.id, op] as const))('%s answers 400 with an Error body naming an undocumented enum value, and starts no task', async (_id, op) => {
    for (const field of enumFieldsOf(op)) await expectRefused(op, bodyWithEnum(op, field, UNDOCUMENTED_VALUE), UNDOCUMENTED_VALUE);
  });
});
