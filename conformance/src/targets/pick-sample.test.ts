import { expect, it } from 'vitest';
import { pickSample } from './pick-sample.js';

it('spreads the sample over the list, first and last included', () => {
  expect(pickSample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
  expect(pickSample(['a', 'b', 'c'], 1)).toEqual(['a']);
});

it('takes the whole list when it is no longer than the sample, and nothing for 0', () => {
  expect(pickSample([1, 2], 5)).toEqual([1, 2]);
  expect(pickSample([1, 2], 0)).toEqual([]);
});
