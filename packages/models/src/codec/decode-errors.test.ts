import { describe, expect, it } from 'vitest';
import {
  BodyTooLargeError,
  decode,
  MalformedXmlError,
  NamespaceError,
  NotXmlError,
  RootElementError,
  TruncatedXmlError,
  UnsafeXmlError,
  XmlShapeError,
  type CodecIssue,
} from '../index.js';
import { example, failure } from '../../test/fixtures.js';

const refs = example('cloud-failover-sessions.refs.xml').xml;
const entity = example('cloud-failover-session.entity.xml').xml;

describe('decode refuses bad input with a named error', () => {
  it.each([
    ['malformed XML (mismatched tags)', () => decode('EntityReferences', refs.replace('</Links>', '</Link>')), MalformedXmlError, /expected <\/Links>, got <\/Link>/],
    ['a body truncated mid-document', () => decode('EntityReferences', refs.slice(0, 700)), TruncatedXmlError, /truncated/],
    ['a body truncated inside a tag', () => decode('EntityReferences', refs.slice(0, refs.indexOf('UID=') + 8)), TruncatedXmlError, /end of the <Ref> tag/],
    ['the wrong namespace', () => decode('EntityReferences', refs.replace('http://www.veeam.com/ent/v1.0', 'http://www.veeam.com/ent/v2.0')), NamespaceError, /expected namespace http:\/\/www\.veeam\.com\/ent\/v1\.0, got namespace http:\/\/www\.veeam\.com\/ent\/v2\.0/],
    ['no namespace at all', () => decode('EntityReferences', refs.replace(' xmlns="http://www.veeam.com/ent/v1.0"', '')), NamespaceError, /got no namespace/],
    ['the wrong root element', () => decode('CloudFailoverSessions', refs), RootElementError, /expected <CloudFailoverSessions>, got <EntityReferences>/],
    ['an HTML error page', () => decode('EntityReferences', '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>'), NotXmlError, /HTML page/],
    ['plain text', () => decode('EntityReferences', 'Service Unavailable'), NotXmlError, /expected an XML document, got 'Service Unavailable'/],
    ['an empty body', () => decode('EntityReferences', ''), NotXmlError, /got an empty body/],
    ['an unquoted attribute', () => decode('EntityReferences', refs.replace('Name="ABC Company Cloud Failover Plan"', 'Name=ABC')), MalformedXmlError, /attributes of the form/],
    ['an undefined entity', () => decode('EntityReferences', refs.replace('ABC Company Cloud', 'ABC &nbsp; Cloud')), MalformedXmlError, /&amp;/],
    ['a body over the byte limit', () => decode('EntityReferences', refs, { maxBytes: 100 }), BodyTooLargeError, /at most 100 bytes, got 1353 bytes/],
  ])('%s', (_name, run, Kind, message) => {
    const error = failure(run);
    expect(error).toBeInstanceOf(Kind);
    expect(error.name).toBe(Kind.name);
    expect(error.message).toMatch(message);
    expect(error.issues.length).toBeGreaterThan(0);
  });
});

describe('decode reports shape departures as XmlShapeError issues', () => {
  const issues = (xml: string, type: 'EntityReferences' | 'CloudFailoverSession' = 'CloudFailoverSession'): CodecIssue[] => {
    const error = failure(() => decode(type, xml));
    expect(error).toBeInstanceOf(XmlShapeError);
    return [...error.issues];
  };

  it('names a missing required attribute', () => {
    expect(issues(refs.replace(' UID="urn:veeam:CloudFailoverSession:475420ee-d045-4493-9869-0a970e08f6f9"', ''), 'EntityReferences')).toEqual([
      { path: '/EntityReferences/Ref[1]/@UID', expected: 'the required UID attribute', actual: 'none', code: 'missing' },
    ]);
  });

  it('names a bad integer', () => {
    expect(issues(entity.replace('<Progress>100</Progress>', '<Progress>a lot</Progress>'))).toEqual([
      { path: '/CloudFailoverSession/Progress', expected: 'an integer', actual: "'a lot'", code: 'value' },
    ]);
  });

  it.each(['2015-12-07 17:38:16', '2015-02-30T17:38:16Z', 'yesterday'])('names a bad date: %s', (date) => {
    expect(issues(entity.replace('2015-12-07T17:38:16Z', date))).toEqual([
      expect.objectContaining({ path: '/CloudFailoverSession/CreationTimeUTC', code: 'value', actual: `'${date}'` }),
    ]);
  });

  it('names elements out of the documented order', () => {
    const swapped = entity.replace('<State>Stopped</State>\n <Result>Success</Result>', '<Result>Success</Result>\n <State>Stopped</State>');
    expect(issues(swapped)).toEqual([
      { path: '/CloudFailoverSession/State', expected: '<State> before <Result>', actual: '<State> after <Result>', code: 'order' },
    ]);
  });

  it('names a missing required element and a malformed UID together', () => {
    const broken = entity.replace('<JobType>FailoverPlan</JobType>', '').replace('UID="urn:veeam:', 'UID="urn-veeam:');
    expect(issues(broken).map((i) => i.path)).toEqual(['/CloudFailoverSession/@UID', '/CloudFailoverSession/JobType']);
  });
});

describe('namespaces and leniency', () => {
  it('matches the namespace by URI whatever the prefix', () => {
    const prefixed = refs.replace('<EntityReferences xmlns=', '<em:EntityReferences xmlns:em=').replace('</EntityReferences>', '</em:EntityReferences>').replace(/<(\/?)(Ref|Links|Link)\b/g, '<$1em:$2');
    expect(decode('EntityReferences', prefixed)).toEqual(decode('EntityReferences', refs));
  });

  it('tolerates an unknown element with a warning in lenient mode and refuses it in strict mode', () => {
    const extra = entity.replace('<JobType>', '<Undocumented>1</Undocumented>\n <JobType>');
    const warnings: CodecIssue[] = [];
    expect(decode('CloudFailoverSession', extra, { onWarning: (w) => warnings.push(w) }).JobType).toBe('FailoverPlan');
    expect(warnings).toEqual([expect.objectContaining({ path: '/CloudFailoverSession/Undocumented', code: 'unknown' })]);
    expect(() => decode('CloudFailoverSession', extra, { strict: true })).toThrow(XmlShapeError);
  });

  it('tolerates an undocumented enum value with a warning in lenient mode only', () => {
    const paused = entity.replace('<State>Stopped</State>', '<State>Pausing</State>');
    const warnings: CodecIssue[] = [];
    expect(decode('CloudFailoverSession', paused, { onWarning: (w) => warnings.push(w) }).State).toBe('Pausing');
    expect(warnings.map((w) => w.code)).toEqual(['enum']);
    expect(() => decode('CloudFailoverSession', paused, { strict: true })).toThrow(/one of Starting, Stopping, Working, Stopped, got 'Pausing'/);
  });

  it('accepts bytes, a UTF-8 BOM and an XML declaration', () => {
    const bytes = new TextEncoder().encode('\uFEFF<?xml version="1.0" encoding="utf-8"?>\n' + refs);
    expect(decode('EntityReferences', bytes).Ref).toHaveLength(2);
  });
});

describe('entity expansion attacks', () => {
  const lol = (n: number) => `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: n }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')}]>`;
  const billionLaughs = `<?xml version="1.0"?>\n${lol(9).replace('&lol0;', '&lol;')}\n<EntityReferences xmlns="http://www.veeam.com/ent/v1.0">&lol9;</EntityReferences>`;

  it('refuses a billion-laughs DOCTYPE a thousand times with flat memory (nothing is expanded)', () => {
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) expect(() => decode('EntityReferences', billionLaughs)).toThrow(UnsafeXmlError);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an external entity', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><EntityReferences xmlns="http://www.veeam.com/ent/v1.0">&xxe;</EntityReferences>';
    expect(failure(() => decode('EntityReferences', xxe)).message).toMatch(/DOCTYPE or entities, which are refused/);
  });
});

describe('stricter than before, as XML requires', () => {
  it('refuses an XML declaration that is not at the very start of the body', () => {
    expect(failure(() => decode('EntityReferences', `\n<?xml version="1.0"?>${refs}`))).toBeInstanceOf(MalformedXmlError);
  });

  it('reports an undocumented attribute on a text element as unknown', () => {
    const warnings: CodecIssue[] = [];
    const nil = entity.replace('<JobType>', '<JobType xsi:nil="false" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">');
    expect(decode('CloudFailoverSession', nil, { onWarning: (w) => warnings.push(w) }).JobType).toBe('FailoverPlan');
    expect(warnings).toEqual([expect.objectContaining({ path: '/CloudFailoverSession/JobType/@xsi:nil', code: 'unknown' })]);
    expect(() => decode('CloudFailoverSession', nil, { strict: true })).toThrow(XmlShapeError);
  });
});
