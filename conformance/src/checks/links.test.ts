import { encode } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { documentedExchange, documentedExchangeIn, example, exchangeOf } from '../test-support/exchange-of.js';
import { widgetsModel } from '../test-support/query-pages-of.js';
import { failureMessage, statusesOf, verdictOf } from '../test-support/verdicts.js';
import { linksAlternate } from './links-alternate.js';
import { linksDocumented } from './links-documented.js';
import { linksOrigin } from './links-origin.js';
import { linksUp } from './links-up.js';

const ref = 'cloud-failover-session.ref.xml';
const entity = 'cloud-failover-session.entity.xml';
const alternateLine = /\s*<Link Rel="Alternate"[^>]*\/>/;

it('passes references that carry the documented Up and Alternate links', () => {
  expect(verdictOf(linksDocumented, documentedExchange('cloud-failover-sessions.refs.xml'))).toMatchObject({ status: 'passed', message: '2 carry Up and Alternate' });
});

it('fails a reference without its Alternate link', () => {
  const body = example(ref).xml.replace(alternateLine, '');
  expect(failureMessage(linksDocumented, documentedExchange(ref, { body }))).toMatch(/\/EntityRef \(ABC Company Failover Plan\): expected a link Rel="Alternate" to a CloudFailoverSession, got none/);
});

it('passes an Alternate link whose entity has the same UID', () => {
  const [from, to] = [documentedExchange(ref), documentedExchange(entity)];
  expect(verdictOf(linksAlternate, from, { exchanges: [from, to] }).status).toBe('passed');
});

it('fails an Alternate link whose entity has another UID', () => {
  const body = example(entity).xml.replace('UID="urn:veeam:CloudFailoverSession:475420ee', 'UID="urn:veeam:CloudFailoverSession:575420ee');
  const [from, to] = [documentedExchange(ref), documentedExchange(entity, { body })];
  expect(failureMessage(linksAlternate, from, { exchanges: [from, to] })).toMatch(/expected UID urn:veeam:CloudFailoverSession:475420ee.*, got urn:veeam:CloudFailoverSession:575420ee/);
});

it('fails an Alternate link that leads nowhere', () => {
  const [from, to] = [documentedExchange(ref), documentedExchange(entity, { status: 404, body: '' })];
  expect(failureMessage(linksAlternate, from, { exchanges: [from, to] })).toMatch(/expected 200, got 404/);
});

it('says nothing of links the run did not follow', () => {
  expect(statusesOf(linksAlternate, documentedExchange(ref))).toEqual([]);
});

it('fails an Up link that gives another Type than the link names', () => {
  const href = 'https://localhost:9398/api/backupServers/8fff3b8e-c3f1-4ef5-aecc-561f07bf9982';
  const server = (type: string) =>
    exchangeOf({ url: href, status: 200, body: encode('EntityRef', { UID: 'urn:veeam:BackupServer:8fff3b8e-c3f1-4ef5-aecc-561f07bf9982', Name: '172.17.53.48', Href: href, Type: type }) });
  const from = documentedExchange(ref);
  expect(verdictOf(linksUp, from, { exchanges: [from, server('BackupServerReference')] }).status).toBe('passed');
  expect(failureMessage(linksUp, from, { exchanges: [from, server('RepositoryReference')] })).toMatch(/expected Type BackupServerReference, got RepositoryReference/);
});

it('warns, without failing, when hrefs point at another origin than the base URL', () => {
  const exchange = documentedExchange(ref);
  expect(verdictOf(linksOrigin, exchange, { origin: 'https://localhost:9398' }).status).toBe('passed');
  expect(verdictOf(linksOrigin, exchange, { origin: 'https://em.example:9398' })).toMatchObject({
    status: 'warning',
    message: 'expected hrefs on https://em.example:9398 (the base URL), got some on https://localhost:9398: those links were not followed',
  });
});

it('warns when hrefs point at the same host on another port: the origin is scheme, host and port', () => {
  const exchange = documentedExchange(ref);
  expect(verdictOf(linksOrigin, exchange, { origin: 'https://localhost:9399' })).toMatchObject({
    status: 'warning',
    message: 'expected hrefs on https://localhost:9399 (the base URL), got some on https://localhost:9398: those links were not followed',
  });
  expect(verdictOf(linksOrigin, exchange, { origin: 'https://localhost:9399', sameOrigins: ['https://localhost:9398/api'] }).status).toBe('passed');
  expect(verdictOf(linksOrigin, exchange, { origin: 'http://localhost:9398' }).status).toBe('warning');
});

describe('a link that is there only in some states (when)', () => {
  const session = 'backup-job-session.entity.xml';
  const relatedLine = /\s*<Link Rel="Related"[^>]*\/>/;
  const withResult = (result: string, related: boolean) => {
    const xml = example(session).xml.replace('<Result>Success</Result>', `<Result>${result}</Result>`);
    return documentedExchange(session, { body: related ? xml : xml.replace(relatedLine, '') });
  };

  it('passes a failed session that links to no restore point', () => {
    expect(verdictOf(linksDocumented, withResult('Failed', false)).status).toBe('passed');
  });

  it('passes a successful session without the link to its restore point: optional, as a v13 server sends one', () => {
    expect(verdictOf(linksDocumented, withResult('Success', false)).status).toBe('passed');
  });

  it('fails a conditional link that is there with another Type, whatever the state', () => {
    const exchange = documentedExchange(session, { body: example(session).xml.replace('<Result>Success</Result>', '<Result>Failed</Result>').replace('Type="RestorePointReference"', 'Type="VmRestorePoint"') });
    expect(failureMessage(linksDocumented, exchange)).toMatch(/expected the Rel="Related" link to a RestorePointReference, got Type VmRestorePoint/);
  });

  // The widgets overlay's Related link must be there where its condition holds (when, not optional).
  const widget = 'widget.entity.xml';
  const widgetIn = (color: string, related: boolean) => {
    const xml = example(widget, widgetsModel).xml.replace('<Color>Blue</Color>', `<Color>${color}</Color>`);
    return documentedExchangeIn(widgetsModel, widget, { body: related ? xml : xml.replace(relatedLine, '') });
  };

  it('passes an entity without a conditional link where its condition does not hold', () => {
    expect(verdictOf(linksDocumented, widgetIn('Red', false)).status).toBe('passed');
    expect(verdictOf(linksDocumented, widgetIn('Blue', true)).status).toBe('passed');
  });

  it('fails an entity without a conditional, not optional link where its condition holds, naming the state that asks for it', () => {
    expect(failureMessage(linksDocumented, widgetIn('Blue', false))).toMatch(/expected a link Rel="Related" to a BackupServerReference \(its Color is Blue\), got none/);
  });
});
