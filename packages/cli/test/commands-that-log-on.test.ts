import { expect, it } from 'vitest';
import { commandsTakingBaseUrl, LOGGING_ON } from './commands-that-log-on.js';

it('every command that takes --base-url is listed with the arguments that make it log on', async () => {
  const taking = await commandsTakingBaseUrl();
  expect(taking.length).toBeGreaterThan(0);
  expect(Object.keys(LOGGING_ON).sort()).toEqual(taking.sort());
});
