import { describe, expect, it } from 'vitest';
import { builtinModel, decode, decodeIn, encode, XmlShapeError, type ApiModel, type CodecIssue } from '../index.js';
import { example } from '../../test/fixtures.js';

// The cloud failover plan page shows <CloudFailoverPlanVm Type="CloudFailoveredVm"> items, RestAPI.xsd <CloudFailoveredVm>.
const page = example('cloud-failover-plan.entity.xml').xml;
const xsd = page.replaceAll('<CloudFailoverPlanVm ', '<CloudFailoveredVm ').replaceAll('</CloudFailoverPlanVm>', '</CloudFailoveredVm>');

describe('a list item the documents name two ways', () => {
  it('decodes either form into the same value, strict or not', () => {
    expect(xsd).not.toBe(page);
    expect(decode('CloudFailoverPlan', xsd)).toEqual(decode('CloudFailoverPlan', page));
    expect(decode('CloudFailoverPlan', xsd, { strict: true })).toEqual(decode('CloudFailoverPlan', page, { strict: true }));
  });

  it('says once which form came and where it is documented, and nothing for the spec\'s own form', () => {
    const forms: CodecIssue[] = [];
    const warnings: CodecIssue[] = [];
    decode('CloudFailoverPlan', xsd, { onForm: (f) => forms.push(f), onWarning: (w) => warnings.push(w) });
    expect(forms).toEqual([{ path: '/CloudFailoverPlan/CloudFailoverPlanInfo/Includes/CloudFailoveredVm[1]', expected: '<CloudFailoverPlanVm>', actual: '<CloudFailoveredVm>, the form RestAPI.xsd documents', code: 'form' }]);
    expect(warnings).toEqual([]);
    decode('CloudFailoverPlan', page, { onForm: (f) => forms.push(f) });
    expect(forms).toHaveLength(1);
  });

  it('is written in the spec\'s own form', () => {
    expect(encode('CloudFailoverPlan', decode('CloudFailoverPlan', xsd))).toContain('<CloudFailoverPlanVm ');
  });

  it('still refuses an item named neither way in strict mode', () => {
    const other = page.replaceAll('<CloudFailoverPlanVm ', '<FailoverVm ').replaceAll('</CloudFailoverPlanVm>', '</FailoverVm>');
    expect(() => decode('CloudFailoverPlan', other, { strict: true })).toThrow(XmlShapeError);
  });
});

describe('an element the documents name two ways', () => {
  const model: ApiModel = {
    ...builtinModel,
    xmlMaps: {
      Thing: {
        root: 'Thing',
        attributes: [],
        elements: [
          { name: 'Size', scalar: 'int', repeated: false, optional: false, forms: { Bytes: 'the XSD' } },
          { name: 'Label', scalar: 'string', repeated: false, optional: false },
        ],
      },
    },
  };
  const thing = (inner: string) => `<Thing xmlns="${builtinModel.api.namespace}">${inner}</Thing>`;

  it('decodes the other form into the field, noting it', () => {
    const forms: CodecIssue[] = [];
    expect(decodeIn(model, 'Thing', thing('<Bytes>3</Bytes><Label>x</Label>'), { strict: true, onForm: (f) => forms.push(f) })).toEqual({ Size: 3, Label: 'x' });
    expect(forms.map((f) => [f.path, f.actual])).toEqual([['/Thing/Bytes', '<Bytes>, the form the XSD documents']]);
  });

  it('keeps its place in the order and counts as the field being present', () => {
    expect(() => decodeIn(model, 'Thing', thing('<Label>x</Label><Bytes>3</Bytes>'))).toThrow(/Size: expected <Size> before <Label>/);
    expect(() => decodeIn(model, 'Thing', thing('<Size>3</Size><Bytes>3</Bytes><Label>x</Label>'))).toThrow(/a second <Size>/);
  });
});
