import { expect, it } from 'vitest';
import { ASK_JSON, documentedExchange, documentedJsonExchange } from '../test-support/exchange-of.js';
import { failureMessage, statusesOf, verdictOf } from '../test-support/verdicts.js';
import { bodyJson } from './body-json.js';
import { bodyNamespace } from './body-namespace.js';
import { bodyRoot } from './body-root.js';
import { bodyShape } from './body-shape.js';
import { bodyXml } from './body-xml.js';
import { headersContentType } from './headers-content-type.js';
import { jsonCasing } from './json-casing.js';
import { uidForm } from './uid-form.js';

const refs = 'cloud-failover-sessions.refs.xml';
const entity = 'cloud-failover-session.entity.xml';
type Json = Record<string, unknown>;
const firstRef = (json: Json) => (json.Refs as Json[])[0]!;

it('passes the body checks on a documented example written in JSON, and leaves the XML-only ones out', () => {
  for (const check of [bodyJson, bodyShape, headersContentType, uidForm]) expect(verdictOf(check, documentedJsonExchange(entity)).status, check.id).toBe('passed');
  for (const check of [bodyXml, bodyNamespace, bodyRoot]) expect(statusesOf(check, documentedJsonExchange(entity)), check.id).toEqual([]);
  expect(statusesOf(bodyJson, documentedExchange(entity))).toEqual([]);
});

it('fails an answer asked for in JSON that is not JSON: the XML of it, or JSON cut short', () => {
  expect(failureMessage(bodyJson, documentedExchange(entity, { requestHeaders: ASK_JSON }))).toMatch(/^NotJsonError: \$: expected a JSON value, got XML or HTML/);
  const cut = documentedJsonExchange(refs);
  const body = cut.response!.body.slice(0, 40);
  expect(failureMessage(bodyJson, { ...cut, response: { ...cut.response!, body, bodyBytes: body.length } })).toMatch(/^TruncatedJsonError/);
});

it('fails a JSON answer declared as XML, and passes one declared application/json', () => {
  const declaredXml = documentedJsonExchange(entity, { overrides: { headers: { 'content-type': 'application/xml; charset=utf-8' } } });
  expect(failureMessage(headersContentType, declaredXml)).toBe('expected Content-Type application/json, got application/xml; charset=utf-8');
  expect(verdictOf(headersContentType, documentedJsonExchange(entity)).message).toBe('application/json; charset=utf-8');
});

it('fails a JSON property of the wrong type, naming its JSON path', () => {
  const exchange = documentedJsonExchange(entity, { edit: (json) => (json.Progress = 'all of it') });
  expect(failureMessage(bodyShape, exchange)).toMatch(/^CloudFailoverSession \(JSON\): \$\.Progress: expected a JSON number \(an integer\), got the string "all of it"$/);
});

it('fails a JSON body without a required property', () => {
  const exchange = documentedJsonExchange(refs, { edit: (json) => delete firstRef(json).Href });
  expect(failureMessage(bodyShape, exchange)).toMatch(/\$\.Refs\[0\]\.Href: expected the required Href property, got none/);
});

it('fails a nested list not wrapped as documented', () => {
  const exchange = documentedJsonExchange(entity, { edit: (json) => (json.CloudFailoverTasks = []) });
  expect(failureMessage(bodyShape, exchange)).toMatch(/\$\.CloudFailoverTasks: expected an object/);
});

it('warns of an undocumented JSON property, naming it and its path', () => {
  const verdict = verdictOf(bodyShape, documentedJsonExchange(refs, { edit: (json) => (firstRef(json).Colour = 'blue') }));
  expect(verdict).toMatchObject({ status: 'warning', message: expect.stringContaining('$.Refs[0].Colour: an undocumented property "Colour": the string "blue"') });
});

it('fails a malformed UID in JSON under uid.form', () => {
  const exchange = documentedJsonExchange(refs, { edit: (json) => (firstRef(json).UID = 'not-a-uid') });
  expect(failureMessage(uidForm, exchange)).toMatch(/\$\.Refs\[0\]\.UID: expected a UID/);
});

it('says the JSON keys are PascalCase as documented, and warns of camelCase naming the EM 13 change', () => {
  expect(verdictOf(jsonCasing, documentedJsonExchange(entity))).toMatchObject({ status: 'passed', message: 'JSON keys in PascalCase, as documented' });
  const camel = verdictOf(jsonCasing, documentedJsonExchange(entity, { casing: 'camelCase' }));
  expect(camel.status).toBe('warning');
  expect(camel.message).toMatch(/^JSON keys in camelCase \(\w+ for \w+, \w+ for \w+, \w+ for \w+\), not the documented PascalCase: Enterprise Manager 13 changed its JSON keys to camelCase/);
  expect(camel.message).toContain('creationTimeUTC for CreationTimeUTC');
  expect(camel.message).toContain('Clients that read the PascalCase keys break');
  // A camelCase body is the same resource: it still has the documented shape.
  expect(verdictOf(bodyShape, documentedJsonExchange(entity, { casing: 'camelCase' })).status).toBe('passed');
  expect(statusesOf(jsonCasing, documentedExchange(entity))).toEqual([]);
});

it('says the casing once per run, on the first JSON answer, and warns of an answer in the other casing', () => {
  const [first, same, other] = [documentedJsonExchange(entity, { casing: 'camelCase' }), documentedJsonExchange(refs, { casing: 'camelCase' }), documentedJsonExchange(refs)];
  const exchanges = [documentedExchange(entity), first, same, other];
  expect(exchanges.map((e) => statusesOf(jsonCasing, e, { exchanges }))).toEqual([[], ['warning'], [], ['warning']]);
  expect(verdictOf(jsonCasing, other, { exchanges }).message).toMatch(/^JSON keys in PascalCase, where the run's first JSON answer \(.*\) used camelCase: the server mixes them$/);
});
