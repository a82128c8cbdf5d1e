import { expect, it } from 'vitest';
import { paint, wantsColor } from './paint.js';

it.each([
  [true, {}, true],
  [false, {}, false],
  [undefined, {}, false],
  [false, { FORCE_COLOR: '1' }, true],
  [false, { FORCE_COLOR: '' }, true],
  [true, { FORCE_COLOR: '0' }, false],
  [true, { FORCE_COLOR: 'false' }, false],
  [true, { NO_COLOR: '1' }, false],
  [false, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  [true, { NO_COLOR: '' }, true],
] as const)('colours a terminal=%s with %j: %s', (isTTY, env, expected) => {
  expect(wantsColor(isTTY, env)).toBe(expected);
});

it('paints with ANSI codes only when asked', () => {
  expect(paint(wantsColor(false, { FORCE_COLOR: '1' })).green('✓')).toBe('\u001b[32m✓\u001b[39m');
  expect(paint(wantsColor(true, { NO_COLOR: '1' })).green('✓')).toBe('✓');
});
