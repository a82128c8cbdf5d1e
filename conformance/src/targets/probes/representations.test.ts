import type { Representation } from '@vbem/models';
import { expect, it } from 'vitest';
import type { Step } from '../probe-context.js';
import { readInEach } from './representations.js';

/** A read that answers each representation with the next value given for it, and logs what it was asked. */
function reader(values: Record<Representation, unknown[]>) {
  const asked: Representation[] = [];
  const readIn = async (r: Representation): Promise<Step> => {
    asked.push(r);
    return { value: values[r].shift() };
  };
  return { asked, readIn };
}

it('reads in each representation in the order given and goes on from the first', async () => {
  const { asked, readIn } = reader({ xml: [{ Name: 'a' }], json: [{ Name: 'a' }] });
  expect(await readInEach(['xml', 'json'], readIn)).toEqual({ value: { Name: 'a' } });
  expect(asked).toEqual(['xml', 'json']);
});

it('reads the first representation again when the second disagrees with it', async () => {
  const { asked, readIn } = reader({ xml: [{ Name: 'a' }, { Name: 'b' }], json: [{ Name: 'b' }] });
  await readInEach(['xml', 'json'], readIn);
  expect(asked).toEqual(['xml', 'json', 'xml']);
});

it('does not read again when either answer did not decode', async () => {
  const { asked, readIn } = reader({ xml: [{ Name: 'a' }], json: [undefined] });
  await readInEach(['xml', 'json'], readIn);
  expect(asked).toEqual(['xml', 'json']);
});

it('reads once in the one representation asked', async () => {
  const { asked, readIn } = reader({ xml: [], json: [{ Name: 'a' }] });
  expect(await readInEach(['json'], readIn)).toEqual({ value: { Name: 'a' } });
  expect(asked).toEqual(['json']);
});
