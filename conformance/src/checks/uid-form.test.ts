import { expect, it } from 'vitest';
import { documentedExchange, example } from '../test-support/exchange-of.js';
import { failureMessage, verdictOf } from '../test-support/verdicts.js';
import { uidForm } from './uid-form.js';

const refs = 'cloud-failover-sessions.refs.xml';
const xml = example(refs).xml;
const firstUid = ' UID="urn:veeam:CloudFailoverSession:475420ee-d045-4493-9869-0a970e08f6f9"';

it('passes UIDs of the form urn:veeam:<Type>:<id> that match their Href', () => {
  expect(verdictOf(uidForm, documentedExchange(refs))).toMatchObject({ status: 'passed', message: '2 UID(s) well formed' });
});

it('fails a missing UID', () => {
  expect(failureMessage(uidForm, documentedExchange(refs, { body: xml.replace(firstUid, '') }))).toMatch(/Ref\[1\]\/@UID: expected the required UID attribute, got none/);
});

it('fails a UID without the urn:veeam:<Type>: prefix', () => {
  const body = xml.replace(firstUid, ' UID="475420ee-d045-4493-9869-0a970e08f6f9"');
  expect(verdictOf(uidForm, documentedExchange(refs, { body })).status).toBe('failed');
});

it("fails a UID whose id is not its Href's", () => {
  const body = xml.replace(firstUid, ' UID="urn:veeam:CloudFailoverSession:10c5b348-dcbb-4d50-8b37-0e0fb4daf0ef"');
  expect(failureMessage(uidForm, documentedExchange(refs, { body }))).toMatch(
    /Ref\[1\] \(ABC Company Failover Plan\): expected the UID's id to be 475420ee-d045-4493-9869-0a970e08f6f9 \(from its Href\), got 10c5b348/,
  );
});

it("fails a UID whose type is not the reference's", () => {
  const body = xml.replace(firstUid, ' UID="urn:veeam:Job:475420ee-d045-4493-9869-0a970e08f6f9"');
  expect(failureMessage(uidForm, documentedExchange(refs, { body }))).toMatch(/expected a UID type that CloudFailoverSessionReference starts with, got Job/);
});
