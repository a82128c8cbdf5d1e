import { expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { documentedExchange, documentedJsonExchange, example } from '../test-support/exchange-of.js';
import { failureMessage, statusesOf, verdictOf } from '../test-support/verdicts.js';
import { representationsAgree } from './representations-agree.js';
import { valueDifferences } from './value-differences.js';

const entity = 'cloud-failover-session.entity.xml';
const xml = (edit: (text: string) => string = (t) => t) => documentedExchange(entity, { body: edit(example(entity).xml) });
const named = (name: string) => (json: Record<string, unknown>) => (json.Name = name);
const judge = (json: Exchange, ...others: Exchange[]) => verdictOf(representationsAgree, json, { exchanges: [...others, json] });

it('passes when the JSON carries the values of the XML of the same request, dates compared as instants', () => {
  expect(judge(documentedJsonExchange(entity), xml()).status).toBe('passed');
  const sameInstant = xml((t) => t.replace('<CreationTimeUTC>2015-12-07T17:38:16Z', '<CreationTimeUTC>2015-12-07T18:38:16+01:00'));
  expect(judge(documentedJsonExchange(entity), sameInstant).status).toBe('passed');
  expect(judge(documentedJsonExchange(entity, { casing: 'camelCase' }), xml()).status).toBe('passed');
});

it('fails a JSON answer whose values differ from the XML, naming each difference by path', () => {
  const message = failureMessage(representationsAgree, documentedJsonExchange(entity, { edit: named('Another plan') }), { exchanges: [xml(), documentedJsonExchange(entity)] });
  expect(message).toMatch(/^the CloudFailoverSession in JSON differs from the XML: \/CloudFailoverSession\/Name: "ABC Company Failover Plan" in XML, "Another plan" in JSON$/);
});

it('passes when the XML read again after the JSON agrees with it (the resource changed between the first two reads)', () => {
  const later = xml((t) => t.replace('Name="ABC Company Failover Plan"', 'Name="Renamed"'));
  expect(judge(documentedJsonExchange(entity, { edit: named('Renamed') }), xml(), later).status).toBe('passed');
});

it('does not judge a request whose two XML reads differ from each other and from the JSON', () => {
  const later = xml((t) => t.replace('Name="ABC Company Failover Plan"', 'Name="Renamed again"'));
  const verdict = judge(documentedJsonExchange(entity, { edit: named('Renamed') }), xml(), later);
  expect(verdict).toMatchObject({ status: 'skipped', message: expect.stringContaining('the resource changed between the reads') });
});

it('fails when the XML read twice agrees with itself and not with the JSON', () => {
  expect(judge(documentedJsonExchange(entity, { edit: named('Renamed') }), xml(), xml()).status).toBe('failed');
});

it('judges only JSON answers that have an XML answer to the same request', () => {
  expect(statusesOf(representationsAgree, xml())).toEqual([]);
  expect(statusesOf(representationsAgree, documentedJsonExchange(entity))).toEqual([]);
});

it('names differences in lists, nested objects and absent values', () => {
  const xmlValue = { Ref: [{ Name: 'a', Links: [{ Rel: 'Up' }] }, { Name: 'b' }], When: new Date('2025-01-01T00:00:00Z') };
  expect(valueDifferences(xmlValue, structuredClone(xmlValue), '/R')).toEqual([]);
  expect(valueDifferences(xmlValue, { ...xmlValue, Ref: [{ Name: 'a', Links: [{ Rel: 'Down' }] }, {}] }, '/R')).toEqual([
    '/R/Ref[1]/Links[1]/Rel: "Up" in XML, "Down" in JSON',
    '/R/Ref[2]/Name: "b" in XML, none in JSON',
  ]);
  expect(valueDifferences(xmlValue, { ...xmlValue, Ref: [] }, '/R')).toEqual(['/R/Ref: 2 item(s) in XML, 0 in JSON']);
  expect(valueDifferences(xmlValue, { ...xmlValue, When: new Date('2025-01-01T00:00:01Z') }, '/R')).toEqual(['/R/When: "2025-01-01T00:00:00.000Z" in XML, "2025-01-01T00:00:01.000Z" in JSON'.replace(/"/g, '')]);
});
