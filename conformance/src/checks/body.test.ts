import { api, operations, operationUrl } from '@vbem/models';
import { describe, expect, it } from 'vitest';
import { documentedExchange, documentedExchangeIn, example, exchangeOf } from '../test-support/exchange-of.js';
import { widgetsModel } from '../test-support/query-pages-of.js';
import { failureMessage, verdictOf } from '../test-support/verdicts.js';
import { bodyNamespace } from './body-namespace.js';
import { bodyRoot } from './body-root.js';
import { bodyShape } from './body-shape.js';
import { bodyXml } from './body-xml.js';

const refs = 'cloud-failover-sessions.refs.xml';
const entity = 'cloud-failover-session.entity.xml';
const xmlOf = (file: string) => example(file).xml;

it('passes every check of the body on a documented example', () => {
  for (const check of [bodyXml, bodyNamespace, bodyRoot, bodyShape]) expect(verdictOf(check, documentedExchange(entity)).status).toBe('passed');
});

it('fails a truncated body as not well-formed', () => {
  const xml = xmlOf(refs);
  const verdict = verdictOf(bodyXml, documentedExchange(refs, { body: xml.slice(0, xml.length / 2) }));
  expect(verdict).toMatchObject({ status: 'failed', message: expect.stringMatching(/^TruncatedXmlError/) });
});

it('fails a body where the spec documents none', () => {
  const logoff = exchangeOf({ method: 'DELETE', url: operationUrl('https://em.test', operations.logoff, { id: '362da803-804d-4c32-ad35-0972e432460b' }).href, status: 204, body: 'ok' });
  expect(failureMessage(bodyXml, logoff)).toBe('expected no body with 204, got 2 bytes');
});

it('fails a document element in another namespace', () => {
  const body = xmlOf(refs).replace(api.namespace, 'urn:elsewhere');
  expect(failureMessage(bodyNamespace, documentedExchange(refs, { body }))).toMatch(/expected namespace http:\/\/www\.veeam\.com\/ent\/v1\.0, got namespace urn:elsewhere/);
});

it('fails another document element than the documented root', () => {
  const verdict = verdictOf(bodyRoot, documentedExchange(refs, { body: xmlOf('cloud-failover-session.ref.xml') }));
  expect(verdict.status).toBe('failed');
  expect(verdict.message).toMatch(/expected <EntityReferences>, got <EntityRef>/);
});

it('fails elements out of the documented order', () => {
  const xml = xmlOf(entity);
  const [jobType, creation] = [/ <JobType>.*\n/.exec(xml)![0], / <CreationTimeUTC>.*\n/.exec(xml)![0]];
  const swapped = xml.replace(jobType + creation, creation + jobType);
  expect(failureMessage(bodyShape, documentedExchange(entity, { body: swapped }))).toMatch(/JobType: expected <JobType> before <CreationTimeUTC>, got <JobType> after <CreationTimeUTC>/);
});

it('fails a date that is no date', () => {
  const body = xmlOf(entity).replace('2015-12-07T17:38:16Z', '2015-13-45T25:61:00Z');
  expect(failureMessage(bodyShape, documentedExchange(entity, { body }))).toMatch(/CreationTimeUTC: expected a UTC date-time/);
});

it('passes a Job entity carrying its schedule (modelled) and job info (kept as written, type: xml)', () => {
  const id = '5658281f-625e-4627-89dd-d2a0c48be99e';
  const url = operationUrl('https://em.test:9398', operations.getJob, { id }, { format: 'Entity' }).href;
  const body = `<Job xmlns="${api.namespace}" Href="${url}" Type="Job" Name="Backup Job 1" UID="urn:veeam:Job:${id}"><JobType>Backup</JobType><JobScheduleOptions><RetryOptions><RetryTimes>3</RetryTimes></RetryOptions><OptionsDaily Enabled="true"><Kind>Everyday</Kind><Days>Sunday</Days></OptionsDaily><OptionsPeriodically Enabled="false"><Schedule><Day Name="Sunday">1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1</Day></Schedule></OptionsPeriodically></JobScheduleOptions><JobInfo><BackupJobInfo><Includes/></BackupJobInfo></JobInfo></Job>`;
  expect(verdictOf(bodyShape, exchangeOf({ url, status: 200, body })).status).toBe('passed');
  // Its content is still read as XML: a broken one is not well-formed; a schedule day without its name fails its shape.
  expect(verdictOf(bodyXml, exchangeOf({ url, status: 200, body: body.replace('</RetryOptions>', '') })).status).toBe('failed');
  expect(failureMessage(bodyShape, exchangeOf({ url, status: 200, body: body.replace('<Day Name="Sunday">', '<Day>') }))).toMatch(/Schedule\/Day\[1\]\/@Name: expected the required Name attribute, got none/);
});

describe('text beside attributes (<Day Name="Sunday">true</Day>, the widgets overlay)', () => {
  const widget = 'widget.entity.xml';
  const withDay = (day: string) => documentedExchangeIn(widgetsModel, widget, { body: example(widget, widgetsModel).xml.replace('<Day Name="Sunday">true</Day>', day) });

  it('passes the documented days', () => {
    expect(verdictOf(bodyShape, documentedExchangeIn(widgetsModel, widget)).status).toBe('passed');
  });

  it('fails a day whose text is not its type, naming the path and what came', () => {
    expect(failureMessage(bodyShape, withDay('<Day Name="Sunday">1,1,0</Day>'))).toMatch(/\/Widget\/Day\[1\]: expected 'true' or 'false', got '1,1,0'/);
  });

  it('fails a day without its required Name attribute or text', () => {
    expect(failureMessage(bodyShape, withDay('<Day>true</Day>'))).toMatch(/\/Widget\/Day\[1\]\/@Name: expected the required Name attribute/);
    expect(failureMessage(bodyShape, withDay('<Day Name="Sunday"/>'))).toMatch(/\/Widget\/Day\[1\]: expected 'true' or 'false', got ''/);
  });

  it('warns of an element inside a day\'s text, naming it', () => {
    const verdict = verdictOf(bodyShape, withDay('<Day Name="Sunday">true<Hour>3</Hour></Day>'));
    expect(verdict).toMatchObject({ status: 'warning', message: expect.stringMatching(/\/Widget\/Day\[1\]: an undocumented element <Hour>/) });
  });
});

describe('what a server adds to a documented body', () => {
  const warns = (body: string) => {
    const verdict = verdictOf(bodyShape, documentedExchange(entity, { body }));
    expect(verdict.status, verdict.message).toBe('warning');
    return verdict.message;
  };

  it('warns of an added element, naming its path', () => {
    expect(warns(xmlOf(entity).replace(' <CloudFailoverTasks />', ' <CloudFailoverTasks />\n <AddedLater>1</AddedLater>'))).toMatch(/\/CloudFailoverSession\/AddedLater: an undocumented element <AddedLater>/);
  });

  it('warns of an added attribute, naming it and its value', () => {
    expect(warns(xmlOf(entity).replace('<State>', '<State Since="2015">'))).toMatch(/\/CloudFailoverSession\/State\/@Since: an undocumented attribute Since="2015"/);
  });

  it('warns of an undocumented enum value, naming it', () => {
    expect(warns(xmlOf(entity).replace('<Result>Success</Result>', '<Result>CompletedSuccessfully</Result>'))).toMatch(/\/CloudFailoverSession\/Result: the undocumented value 'CompletedSuccessfully'/);
  });

  it('warns of an undocumented link Rel, naming it', () => {
    const body = xmlOf(entity).replace(' </Links>', '   <Link Rel="Rescan" Href="https://localhost:9398/api/cloud/failoverSessions/475420ee-d045-4493-9869-0a970e08f6f9?action=rescan" />\n </Links>');
    expect(warns(body)).toMatch(/\/CloudFailoverSession\/Links\/Link\[3\]\/@Rel: the undocumented value 'Rescan'/);
  });

  it('still fails a broken rule when the body adds something too', () => {
    const body = xmlOf(entity).replace('<State>', '<State Since="2015">').replace(/ <Progress>100<\/Progress>\n/, '');
    const message = failureMessage(bodyShape, documentedExchange(entity, { body }));
    expect(message).toMatch(/Progress: expected the required <Progress> element, got none/);
    expect(message).not.toMatch(/Since/);
  });
});

describe('where the documents disagree', () => {
  const plan = 'cloud-failover-plan.entity.xml';
  const xsdForm = xmlOf(plan).replaceAll('<CloudFailoverPlanVm ', '<CloudFailoveredVm ').replaceAll('</CloudFailoverPlanVm>', '</CloudFailoveredVm>');

  it("passes the XSD's form of a list item and says it was used", () => {
    const verdict = verdictOf(bodyShape, documentedExchange(plan, { body: xsdForm }));
    expect(verdict).toMatchObject({ status: 'passed', message: expect.stringMatching(/in the documented forms \/CloudFailoverPlan\/CloudFailoverPlanInfo\/Includes\/CloudFailoveredVm\[1\]: <CloudFailoveredVm>, the form RestAPI\.xsd documents \(for <CloudFailoverPlanVm>\)/) });
  });

  it("passes the page's form without a note", () => {
    expect(verdictOf(bodyShape, documentedExchange(plan))).toEqual({ check: 'body.shape', status: 'passed', message: 'a valid CloudFailoverPlan' });
  });

  it("passes a restore point with the XSD's Ref and one without it, as the page shows", () => {
    const point = 'restore-point.entity.xml';
    const ref = '<Ref Type="BackupReference" Href="https://localhost:9398/api/backups/1c5a1b5d-2a47-4ab4-8a5e-6e6a1b0e8c1b" Name="Backup Job 1" UID="urn:veeam:Backup:1c5a1b5d-2a47-4ab4-8a5e-6e6a1b0e8c1b" />';
    const withRef = xmlOf(point).replace('<BackupDateUTC>', `${ref}<BackupDateUTC>`);
    expect(withRef).not.toBe(xmlOf(point));
    for (const body of [withRef, xmlOf(point)]) expect(verdictOf(bodyShape, documentedExchange(point, { body })).status).toBe('passed');
  });
});
