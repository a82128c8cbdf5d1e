import { describe, expect, it } from 'vitest';
import { decode, examples, prng, MalformedXmlError, TruncatedXmlError, UnsafeXmlError, XmlShapeError, type CodecIssue, type ModelName } from '../index.js';
import { example, failure } from '../../test/fixtures.js';
import { hostileCases, NS } from '../../test/hostile.js';

const refs = example('cloud-failover-sessions.refs.xml').xml;
const entity = example('cloud-failover-session.entity.xml').xml;

// Each case found by fuzzing used to escape as fast-xml-parser's own error, hang, or be accepted.
describe('hostile bodies give a named error or the right value', () => {
  it.each(hostileCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let outcome: unknown;
    try {
      outcome = decode('EntityReferences', c.xml);
    } catch (error) {
      outcome = error;
    }
    if (c.refused) {
      expect(outcome).toBeInstanceOf(c.refused);
      expect((outcome as Error).name).toBe(c.refused.name);
    } else expect(outcome).not.toBeInstanceOf(Error);
  }, 120_000);

  it('names the depth limit: 64 nested elements are read, 65 refused', () => {
    const nest = (n: number) => `<EntityReferences xmlns="${NS}">${'<x>'.repeat(n - 1)}${'</x>'.repeat(n - 1)}</EntityReferences>`;
    expect(decode('EntityReferences', nest(64)).Ref).toEqual([]);
    const error = failure(() => decode('EntityReferences', nest(66)));
    expect(error).toBeInstanceOf(UnsafeXmlError);
    expect(error.message).toMatch(/at most 64 nested elements, got <x> at depth 65/);
  });

  it('never lets attribute or element names reach the value or a prototype', () => {
    const xml = refs.replace('<Ref ', '<Ref __proto__="x" constructor="y" prototype="z" ').replace('<Links>', '<__proto__ polluted="1"/><Links>');
    const list = decode('EntityReferences', xml);
    expect(Object.getPrototypeOf(list.Ref[0])).toBe(Object.prototype);
    expect(Object.keys(list.Ref[0]!).sort()).toEqual(['Href', 'Links', 'Name', 'Type', 'UID']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads CDATA verbatim: markup characters in it are text, references are not replaced', () => {
    const cdata = (text: string) => decode('CloudFailoverSession', entity.replace('<JobType>FailoverPlan</JobType>', `<JobType><![CDATA[${text}]]></JobType>`)).JobType;
    expect(cdata('a&b')).toBe('a&b');
    expect(cdata('&lt;')).toBe('&lt;');
    expect(cdata(' <x> ')).toBe(' <x> ');
  });

  it('honours a namespace declared on a child element and refuses a child in a foreign one', () => {
    const prefixed = refs.replace('<Ref ', `<v:Ref xmlns:v="${NS}" `).replace('</Ref>', '</v:Ref>');
    expect(decode('EntityReferences', prefixed)).toEqual(decode('EntityReferences', refs));
    const foreign = refs.replace('<Ref ', '<Ref xmlns="urn:other" ');
    const warnings: CodecIssue[] = [];
    expect(decode('EntityReferences', foreign, { onWarning: (w) => warnings.push(w) }).Ref).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ path: '/EntityReferences/Ref', code: 'unknown' })]);
    expect(() => decode('EntityReferences', foreign, { strict: true })).toThrow(XmlShapeError);
  });

  it('undoes a namespace declaration at the end of its element', () => {
    const scoped = refs.replace('<Links>', `<Links xmlns="urn:other"></Links><Links>`);
    const warnings: CodecIssue[] = [];
    expect(decode('EntityReferences', scoped, { onWarning: (w) => warnings.push(w) }).Ref[0]?.Links).toHaveLength(2);
    expect(warnings.map((w) => w.path)).toEqual(['/EntityReferences/Ref[1]/Links']);
  });

  it('refuses characters XML forbids, raw or as references', () => {
    for (const bad of ['&#x0;', '&#0;', '&#xFFFF;', '&#xD800;', '&#x110000;', '\u0001', '\uFFFE', '\uD800x']) {
      const error = failure(() => decode('EntityReferences', refs.replace('ABC Company Cloud', `ABC ${bad} Cloud`)));
      expect(error, JSON.stringify(bad)).toBeInstanceOf(MalformedXmlError);
    }
    expect(decode('EntityReferences', refs.replace('ABC Company Cloud', 'ABC &#x1F600;&#65; \u{1F600} Cloud')).Ref[1]?.Name).toBe('ABC \u{1F600}A \u{1F600} Cloud Failover Plan');
  });

  it('refuses a prefix no declaration in scope binds, on an element or an attribute (Namespaces in XML, Prefix Declared)', () => {
    expect(failure(() => decode('EntityReferences', refs.replace('<Link Rel="Up"', '<v:Link Rel="Up"'))).issues[0]).toMatchObject({ expected: 'a namespace URI for the prefix v', actual: 'no declaration of it in scope' });
    expect(failure(() => decode('EntityReferences', refs.replace('<Link Rel="Up"', '<Link p:Rel="Up"')))).toBeInstanceOf(MalformedXmlError);
    // Declared on the element itself, or by an ancestor, or the reserved xml prefix: fine.
    expect(decode('EntityReferences', refs.replace('<Link Rel="Up"', '<Link xmlns:p="urn:p" p:x="1" xml:lang="en" Rel="Up"')).Ref[0]?.Links?.[0]?.Rel).toBe('Up');
  });

  it('refuses a duplicate attribute and a tag name run into an attribute', () => {
    expect(failure(() => decode('EntityReferences', refs.replace('<Link Rel="Up"', '<Link Rel="Up" Rel="Up"')))).toBeInstanceOf(MalformedXmlError);
    expect(failure(() => decode('EntityReferences', refs.replace('<Link Rel="Up"', '<LinkRel="Up"'))).message).toMatch(/attributes of the form name="value" in <LinkRel>/);
  });

  it('stops at the first error past the cap, saying so in a last entry: the body is refused whatever follows', () => {
    const many = `<EntityReferences xmlns="${NS}">${'<Ref/>'.repeat(10_000)}</EntityReferences>`;
    const error = failure(() => decode('EntityReferences', many));
    expect(error).toBeInstanceOf(XmlShapeError);
    expect(error.issues).toHaveLength(101);
    expect(error.issues[100]).toEqual({ path: '/', expected: 'at most 100 issues listed', actual: 'more: the rest of the body was not read', code: 'missing' });
    expect(error.issues[99]?.path).toBe('/EntityReferences/Ref[25]/@Type');
    // Before the cap a syntax error still wins; past it, the rest is not read.
    expect(failure(() => decode('EntityReferences', many.replace('<Ref/>', '<Ref/><')))).toBeInstanceOf(MalformedXmlError);
    expect(failure(() => decode('EntityReferences', `${many.slice(0, -30)}<`))).toBeInstanceOf(XmlShapeError);
  });

  it('counts warnings past the cap in a last "N more" entry, and still gives the value', () => {
    const unknown = `<EntityReferences xmlns="${NS}">${'<Extra/>'.repeat(250)}</EntityReferences>`;
    const warnings: CodecIssue[] = [];
    expect(decode('EntityReferences', unknown, { onWarning: (w) => warnings.push(w) })).toEqual({ Ref: [] });
    expect(warnings).toHaveLength(101);
    expect(warnings[100]).toEqual({ path: '/', expected: 'at most 100 issues listed', actual: '150 more', code: 'unknown' });
  });

  // Every cut of a short example; of a long one, its first and last 300 and 600 more (seeded), so the cost grows with the examples, not with their squares.
  it('gives TruncatedXmlError for every cut of every documented example before its end (sampled in long ones)', () => {
    const random = prng(20261208);
    for (const ex of examples) {
      const first = ex.xml.indexOf('<');
      const end = ex.xml.trimEnd().length - 1;
      const every = Array.from({ length: Math.max(0, end - first - 1) }, (_, i) => first + 1 + i);
      const cuts = every.length <= 1200 ? every : [...every.slice(0, 300), ...every.slice(-300), ...Array.from({ length: 600 }, () => every[300 + Math.floor(random() * (every.length - 600))]!)];
      for (const cut of cuts) {
        const error = failure(() => decode(ex.type as ModelName, ex.xml.slice(0, cut)));
        expect(error.name, `${ex.file} cut at ${cut}: ${error.message}`).toBe('TruncatedXmlError');
      }
    }
  }, 120_000);

  it('says where a body is truncated inside a CDATA section, a comment or a reference', () => {
    for (const cut of ['<Name><![CDATA[ab', '<!-- no end', '<Name>a &amp']) {
      expect(failure(() => decode('EntityReferences', `<EntityReferences xmlns="${NS}">${cut}`))).toBeInstanceOf(TruncatedXmlError);
    }
  });
});
