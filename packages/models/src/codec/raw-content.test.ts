import { describe, expect, it } from 'vitest';
import { decode, encode, MalformedXmlError, ValidationError, type Job } from '../index.js';
import { failure } from '../../test/fixtures.js';

// Job's JobInfo is `type: xml` in the spec: documented, not modelled, kept as written. Its JobScheduleOptions
// beside it is modelled. The body is built by hand after get_jobs_id.html's and jobscheduleoptions.html's tables.
const schedule = '<RetryOptions><RetryTimes>3</RetryTimes><RetryTimeout>10</RetryTimeout><RetrySpecified>true</RetrySpecified></RetryOptions><OptionsPeriodically Enabled="false"><Kind>Hours</Kind><FullPeriod>1</FullPeriod><Schedule><Day Name="Sunday">1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1</Day></Schedule></OptionsPeriodically>';
const info = '\n    <BackupJobInfo>\n      <Includes/><!-- processed objects --><Name>a &amp; b</Name>\n    </BackupJobInfo>\n  ';
const job = (scheduleXml: string, infoXml: string) => `<Job xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Href="https://em:9398/api/jobs/5658281f-625e-4627-89dd-d2a0c48be99e?format=Entity" Type="Job" Name="Backup Job 1" UID="urn:veeam:Job:5658281f-625e-4627-89dd-d2a0c48be99e">
  <JobType>Backup</JobType>
  <Platform>VMware</Platform>
  <Description>Nightly</Description>
  <ScheduleConfigured>true</ScheduleConfigured>
  <ScheduleEnabled>true</ScheduleEnabled>
  <NextRun>2025-08-14T22:00:00Z</NextRun>
  <JobScheduleOptions>${scheduleXml}</JobScheduleOptions>
  <JobInfo>${infoXml}</JobInfo>
</Job>`;

describe('elements kept as written (type: xml)', () => {
  it('keeps their content as written, references and comments untouched, in strict mode too', () => {
    const value = decode('Job', job(schedule, info), { strict: true });
    expect(value.JobScheduleOptions).toEqual({
      RetryOptions: { RetryTimes: 3, RetryTimeout: 10, RetrySpecified: true },
      OptionsPeriodically: { Enabled: false, Kind: 'Hours', FullPeriod: 1, Schedule: { Day: [{ Name: 'Sunday', Value: '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1' }] } },
    });
    expect(value.JobInfo).toBe(info);
    expect(value.NextRun).toEqual(new Date('2025-08-14T22:00:00Z'));
  });

  it('gives an empty element as an empty string, and writes it back as one', () => {
    const value = decode('Job', job(schedule, '').replace('<JobInfo></JobInfo>', '<JobInfo/>'));
    expect(value.JobInfo).toBe('');
    expect(encode('Job', value)).toContain('<JobInfo/>');
  });

  it('writes the content back as it was: encode then decode gives the same value', () => {
    const value = decode('Job', job(schedule, info));
    expect(decode('Job', encode('Job', value))).toEqual(value);
    expect(encode('Job', value)).toContain(`<JobInfo>${info}</JobInfo>`);
  });

  it('still checks the content is well-formed', () => {
    expect(failure(() => decode('Job', job('<RetryOptions><RetryTimes>3</RetryOptions>', '')))).toBeInstanceOf(MalformedXmlError);
    expect(failure(() => decode('Job', job(schedule, '<a b="1" b="2"/>')))).toBeInstanceOf(MalformedXmlError);
  });

  it('refuses to write content that is not well-formed on its own, so a value never breaks the document', () => {
    const value = decode('Job', job(schedule, ''));
    for (const bad of ['</JobInfo><Injected/><JobInfo>', '<a>', 'a < b', '<x:y/>']) {
      const error = failure(() => encode('Job', { ...value, JobInfo: bad } as Job));
      expect(error, bad).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^The XML content given for <JobInfo> is not well-formed on its own: expected /);
    }
  });
});
