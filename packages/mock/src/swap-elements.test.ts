import { describe, expect, it } from 'vitest';
import { decode, encode, examples } from '@vbem/models';
import { swapElements } from './swap-elements.js';

const entity = decode('CloudFailoverSession', examples.find((e) => e.type === 'CloudFailoverSession')!.xml);

describe('swapElements', () => {
  it('swaps the first two differently named children, keeping everything else', () => {
    const xml = encode('CloudFailoverSession', entity);
    const swapped = swapElements(xml);
    expect(swapped).not.toBe(xml);
    expect(swapped.length).toBe(xml.length);
    expect(swapped.indexOf('<JobType>')).toBeLessThan(swapped.indexOf('<Links>'));
  });

  it('looks into children when the root has one kind of child', () => {
    const xml = encode('CloudFailoverSessions', { CloudFailoverSession: [entity, entity] });
    expect(swapElements(xml).indexOf('<JobType>')).toBeLessThan(swapElements(xml).indexOf('<Links>'));
  });

  it('leaves a body whose elements all repeat alone', () => {
    const xml = encode('EntityReferences', { Ref: [] });
    expect(swapElements(xml)).toBe(xml);
  });
});
